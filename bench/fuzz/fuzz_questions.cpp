// libFuzzer targets for the question readers: built by bench/fuzz_questions.sh with clang,
// -fsanitize=fuzzer,address,undefined, once per format (LECTERN_FUZZ_FORMAT: gift, aiken,
// moodlexml, cloze). Every input must read to questions and errors without a crash, a hang or
// undefined behaviour; what it reads must write and read again.
#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <lectern/questions/aiken.h>
#include <lectern/questions/cloze.h>
#include <lectern/questions/gift.h>
#include <lectern/questions/grading.h>
#include <lectern/questions/moodlexml.h>

using namespace Lectern::Questions;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                     qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
#if LECTERN_FUZZ_FORMAT == 0
    const ParseResult read = Gift::read(text);
    Gift::read(Gift::write(read.questions));
#elif LECTERN_FUZZ_FORMAT == 1
    const ParseResult read = Aiken::read(text);
    Aiken::read(Aiken::write(read.questions));
#elif LECTERN_FUZZ_FORMAT == 2
    const ParseResult read = MoodleXml::read(bytes);
    MoodleXml::read(MoodleXml::write(read.questions));
#else
    // Cloze texts, and every part graded with a response made of the same text.
    const ClozeText cloze = parseCloze(text);
    for (const ClozePart &part : cloze.parts) {
        grade(part, Response::typed(text.left(8)));
        grade(part, Response::choice(qsizetype(size % 5)));
    }
    const ParseResult read;
#endif
    for (const Question &q : read.questions) {
        for (const Answer &a : q.answers) {
            if (a.fraction < -1 || a.fraction > 1)
                __builtin_trap(); // a credit outside -100%..100% got through
        }
    }
    return 0;
}
