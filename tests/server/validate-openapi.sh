#!/usr/bin/env bash
# Validates an OpenAPI 3.0.x document (what the server serves at GET /api/v1/openapi.json).
#
#   tests/server/validate-openapi.sh FILE      (FILE may be "-" for standard input)
#   tests/server/validate-openapi.sh --self-test
#
# Prints "valid" and exits 0, or prints the problems and exits 1. Exits 2 when it cannot run
# (bad usage, unreadable file, validator not installed).
#
# The validator is JSON::Validator from Debian's libjson-validator-perl (installed by
# .ci/install-deps.sh --test). It checks the document against the official OpenAPI 3.0 schema
# (https://spec.openapis.org/oas/3.0/schema/2019-04-02), which Debian ships in the
# openapi-specification package and JSON::Validator finds in its cache, so nothing is fetched from
# the network. On top of the schema it checks what the schema cannot express: every $ref resolves,
# operationIds are unique, and each {parameter} in a path is declared as a required path parameter.
set -euo pipefail

if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
    echo "usage: $0 OPENAPI_JSON_FILE|-" >&2
    echo "       $0 --self-test    (checks that the validator accepts a good and rejects a bad document)" >&2
    exit 2
fi

if [[ $1 == --self-test ]]; then
    # shellcheck disable=SC2016 # "$ref" is JSON here, not a shell variable
    good='{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/users/{id}":{"get":{
        "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
        "responses":{"200":{"description":"ok","content":{"application/json":{
        "schema":{"$ref":"#/components/schemas/User"}}}}}}}},
        "components":{"schemas":{"User":{"type":"object"}}}}'
    # shellcheck disable=SC2016
    declare -A bad=(
        [no responses]='{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{}}}}'
        [wrong type]='{"openapi":"3.0.3","info":{"title":"t","version":1},"paths":{}}'
        [dangling ref]='{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"$ref":"#/components/responses/Nope"}}}}}}'
        [undeclared path parameter]='{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a/{id}":{"get":{"responses":{"200":{"description":"ok"}}}}}}'
    )
    failures=0
    if ! out=$("$0" - <<<"$good" 2>&1); then
        echo "self-test: a valid document was rejected:"$'\n'"$out" >&2
        failures=$((failures + 1))
    fi
    for name in "${!bad[@]}"; do
        status=0
        out=$("$0" - <<<"${bad[$name]}" 2>&1) || status=$?
        if [[ $status -ne 1 ]]; then
            echo "self-test: the '$name' document was not rejected (exit $status): $out" >&2
            failures=$((failures + 1))
        fi
    done
    if [[ $failures -ne 0 ]]; then
        echo "self-test: $failures failure(s)" >&2
        exit 1
    fi
    echo "valid (self-test: 1 good document accepted, ${#bad[@]} broken ones rejected)"
    exit 0
fi
file=$1
if [[ $file != - && ! -r $file ]]; then
    echo "validate-openapi: cannot read '$file'" >&2
    exit 2
fi
if ! perl -MJSON::Validator -e 1 2>/dev/null; then
    echo "validate-openapi: JSON::Validator is missing; install it with: .ci/install-deps.sh --test" \
        "(Debian package libjson-validator-perl)" >&2
    exit 2
fi

# The official schema's id; JSON::Validator maps it to its bundled copy.
export LECTERN_OAS30_SCHEMA=https://spec.openapis.org/oas/3.0/schema/2019-04-02

exec perl -CS -Mstrict -Mwarnings -e '
use JSON::Validator;
use JSON::Validator::Formats;
use JSON::Validator::Schema::OpenAPIv3;
use Mojo::File qw(path);
use Mojo::JSON qw(decode_json);

my $file = shift;
my $text = $file eq "-" ? do { local $/; binmode STDIN; <STDIN> } : path($file)->slurp;
my $data = eval { decode_json($text) };
if (!defined $data) {
    (my $why = $@ || "empty document") =~ s/ at \S+ line \d+\.?\s*$//s;
    print "not JSON: $why\n";
    exit 1;
}
if (ref $data ne "HASH") {
    print "not an OpenAPI document: the top level is not an object\n";
    exit 1;
}

my @problems;

# 1. The official OpenAPI 3.0 JSON Schema, without type coercion (a number is not a string).
my $meta = eval { JSON::Validator->new->schema($ENV{LECTERN_OAS30_SCHEMA})->schema };
if (!$meta) {
    print STDERR "validate-openapi: cannot load the OpenAPI 3.0 schema: $@";
    exit 2;
}
$meta->formats->{"uri-reference"} = JSON::Validator::Formats->can("check_uri_reference");
push @problems, map {"$_"} $meta->validate($data);

# 2. Every $ref must point at something (resolving the document as a schema follows them all).
if (!@problems) {
    if (!eval { JSON::Validator::Schema::OpenAPIv3->new($data); 1 }) {
        (my $why = $@) =~ s/ at \S+ line \d+\.?\s*$//s;
        push @problems, "\$ref: $why";
    }
}

# 3. Rules from the OpenAPI text that its JSON Schema leaves out.
sub deref {    # follows local "#/..." references, as parameters often are
    my $v = shift;
    for (1 .. 20) {
        last unless ref $v eq "HASH" && exists $v->{q($ref)};
        my ($pointer) = $v->{q($ref)} =~ m{^#(/.*)?$} or return undef;
        $v = $data;
        for my $tok (grep { length } split m{/}, $pointer // "") {
            $tok =~ s/~1/\//g;
            $tok =~ s/~0/~/g;
            $v = ref $v eq "HASH" ? $v->{$tok} : ref $v eq "ARRAY" ? $v->[$tok] : undef;
        }
    }
    return $v;
}
if (!@problems) {
    my %operationIds;
    my @methods = qw(get put post delete options head patch trace);
    for my $p (sort keys %{$data->{paths} || {}}) {
        my $item = $data->{paths}{$p};
        next if ref $item ne "HASH" || exists $item->{q($ref)};
        my @templated = $p =~ /\{([^}]+)\}/g;
        for my $method (grep { ref $item->{$_} eq "HASH" } @methods) {
            my $op = $item->{$method};
            if (defined(my $id = $op->{operationId})) {
                push @problems, "$method $p: operationId \"$id\" is also used by $operationIds{$id}"
                    if $operationIds{$id};
                $operationIds{$id} //= "$method $p";
            }
            my %declared;
            for my $param (map { deref($_) } @{$item->{parameters} || []}, @{$op->{parameters} || []}) {
                next if ref $param ne "HASH";
                next if ($param->{in} // "") ne "path";
                $declared{$param->{name}} = 1;
                push @problems, "$method $p: path parameter \"$param->{name}\" must have required: true"
                    unless $param->{required};
                push @problems, "$method $p: path parameter \"$param->{name}\" is not in the path"
                    unless grep { $_ eq $param->{name} } @templated;
            }
            for my $name (@templated) {
                push @problems, "$method $p: {$name} is not declared as a path parameter"
                    unless $declared{$name};
            }
        }
    }
}

if (@problems) {
    print "$_\n" for @problems;
    printf "invalid: %d problem%s\n", scalar @problems, @problems == 1 ? "" : "s";
    exit 1;
}
print "valid\n";
exit 0;
' "$file"
