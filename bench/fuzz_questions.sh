#!/usr/bin/env bash
# Fuzzes the question readers (GIFT, Aiken, Moodle XML) and the cloze parser with libFuzzer, each
# for MINUTES minutes (default 10), seeded by the real files in ../shared/fixtures and by what
# the unit tests write. Builds with clang and AddressSanitizer/UBSan into build/fuzz; installs
# clang and libFuzzer on Debian 12 when they are missing. Exits 1 when a target crashes, hangs
# or leaks; the input that did it is left in build/fuzz/TARGET-artifacts.
#
#   bench/fuzz_questions.sh [MINUTES]      # TARGETS="gift aiken moodlexml cloze" JOBS=1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes=${1:-10}
targets=${TARGETS:-gift aiken moodlexml cloze}
out=build/fuzz
fixtures=../shared/fixtures

if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
    sudo=$([[ $(id -u) == 0 ]] || echo sudo)
    $sudo apt-get install -y --no-install-recommends clang libclang-rt-14-dev
fi

mkdir -p "$out"
sources=(shared/lectern/questions/*.cpp)
flags=(-std=c++20 -O1 -g -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
    -Ishared $(pkg-config --cflags Qt6Core))
libs=($(pkg-config --libs Qt6Core))
number=0
for target in gift aiken moodlexml cloze; do
    if [[ " $targets " == *" $target "* ]]; then
        echo "building $target"
        clang++ "${flags[@]}" -DLECTERN_FUZZ_FORMAT=$number bench/fuzz/fuzz_questions.cpp \
            "${sources[@]}" "${libs[@]}" -o "$out/fuzz-$target"
    fi
    number=$((number + 1))
done

seed() { # target -> corpus folder with its seeds
    local corpus=$out/$1-corpus
    mkdir -p "$corpus"
    case $1 in
    gift) cp "$fixtures"/gift/*.gift "$corpus"/ 2>/dev/null || printf '::a::Q?{=x ~y}\n' >"$corpus/seed" ;;
    aiken) cp "$fixtures"/aiken/*.txt "$corpus"/ 2>/dev/null || printf 'Q?\nA) a\nB) b\nANSWER: A\n' >"$corpus/seed" ;;
    moodlexml) printf '<?xml version="1.0"?><quiz><question type="category"><category><text>$course$/A</text></category></question><question type="multichoice"><name><text>n</text></name><questiontext format="html"><text><![CDATA[<p>Q?</p>]]></text></questiontext><single>true</single><answer fraction="100"><text>a</text><feedback><text>f</text></feedback></answer><answer fraction="-33.33333"><text>b</text></answer></question><question type="numerical"><name><text>x</text></name><questiontext><text>N?</text></questiontext><answer fraction="100"><text>3</text><tolerance>0.5</tolerance></answer></question><question type="matching"><name><text>m</text></name><questiontext><text>M</text></questiontext><subquestion><text>a</text><answer><text>1</text></answer></subquestion></question></quiz>\n' >"$corpus/seed.xml" ;;
    cloze) printf 'Capital {1:SHORTANSWER:=Berlin#yes~%%50%%Bonn#old} and {2:MULTICHOICE:=red~blue} and {:NUMERICAL:=1822:1~*#no}\n' >"$corpus/seed" ;;
    esac
    echo "$corpus"
}

status=0
for target in $targets; do
    corpus=$(seed "$target")
    mkdir -p "$out/$target-artifacts"
    echo "fuzzing $target for $minutes min"
    # Run inside the output folder: with -jobs, libFuzzer writes fuzz-N.log where it runs.
    if ! (cd "$out" && "./fuzz-$target" "$target-corpus" -max_total_time=$((minutes * 60)) \
        -timeout=10 -rss_limit_mb=2048 -max_len=65536 -jobs="${JOBS:-1}" \
        -artifact_prefix="$target-artifacts/" -print_final_stats=1 2>"$target.log"); then
        echo "fuzz_questions: $target failed; see $out/$target.log and $out/$target-artifacts" >&2
        status=1
    fi
    grep -E "stat::number_of_executed_units|cov:" "$out/$target.log" | tail -2 || true
done
exit $status
