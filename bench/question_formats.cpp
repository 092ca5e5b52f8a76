// Issue 12's parse numbers: a 10,000-question GIFT file parsed in under 1 s; Aiken and Moodle XML
// files of the same questions for comparison. The questions are of every GIFT kind (multiple
// choice with weights and feedback, true/false, short answer, numerical ranges, matching, essay),
// written by the project's own GIFT writer, so the file is what an export looks like.
//
//   lectern-bench-question-formats [--questions N] [--runs R]
#include "benchutil.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <lectern/questions/aiken.h>
#include <lectern/questions/gift.h>
#include <lectern/questions/moodlexml.h>

using namespace Lectern;
using namespace Lectern::Questions;

namespace {

QList<Question> makeQuestions(int count)
{
    const QString source = QStringLiteral(
        "$CATEGORY: $course$/Bench\n\n"
        "::Choice %1::Which of these is a noble gas (%1)?{\n"
        "=Neon#Yes, group 18.\n~%-25%Nitrogen#A diatomic gas.\n~Sodium#A metal.\n"
        "~%50%Argon is also one#Half: both are.####Noble gases have full shells.}\n\n"
        "::Weights %1::Pick the two primes below 5 (%1).{~%50%2 ~%50%3 ~%-100%4}\n\n"
        "::True %1::Water boils at 100 °C at sea level (%1).{T#Check the pressure.#Right.}\n\n"
        "::Short %1::The symbol of gold (%1)?{=Au#Yes. =%50%au#Case matters. =%0%*#No.}\n\n"
        "::Number %1::Avogadro's exponent (%1)?{#=23:0.5 =%50%22..24 ~#Look it up.}\n\n"
        "::Match %1::Match the element to its symbol (%1).{=Iron -> Fe =Lead -> Pb "
        "=Tin -> Sn = -> Hg}\n\n"
        "::Essay %1::Explain ionic bonding in your words (%1).{}\n\n");
    QList<Question> questions;
    for (int i = 0; questions.size() < count; ++i)
        questions += Gift::read(source.arg(i)).questions;
    questions.resize(count);
    return questions;
}

// The fastest of `runs` (the least disturbed by others on the machine), in ms, and the count.
template<typename Parse> std::pair<double, qsizetype> best(int runs, Parse parse)
{
    double fastest = 1e12;
    qsizetype read = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const ParseResult result = parse();
        fastest = std::min(fastest, timer.nsecsElapsed() / 1e6);
        if (!result.errors.isEmpty())
            Bench::die(QStringLiteral("line %1: %2")
                           .arg(result.errors.first().line)
                           .arg(result.errors.first().message));
        read = result.questions.size();
    }
    return {fastest, read};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption questionsOption(QStringLiteral("questions"),
                                             QStringLiteral("Questions per file."),
                                             QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs of each."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({questionsOption, runsOption});
    parser.addHelpOption();
    parser.process(app);
    const int count = parser.value(questionsOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    const QList<Question> questions = makeQuestions(count);
    const QString gift = Gift::write(questions);
    const QByteArray xml = MoodleXml::write(questions);
    QList<Question> choices;
    for (const Question &q : questions) {
        if (q.type == Type::MultiChoice && q.single
            && std::count_if(q.answers.begin(), q.answers.end(),
                             [](const Answer &a) { return a.fraction >= 1; })
                == 1)
            choices.append(q);
    }
    const QString aiken = Aiken::write(choices);

    const auto [giftMs, giftRead] = best(runs, [&] { return Gift::read(gift); });
    const auto [xmlMs, xmlRead] = best(runs, [&] { return MoodleXml::read(xml); });
    const auto [aikenMs, aikenRead] = best(runs, [&] { return Aiken::read(aiken); });
    Bench::say(QStringLiteral("GIFT: %1 questions (%2 KiB) in %3 ms — budget 1000 ms")
                   .arg(giftRead)
                   .arg(gift.toUtf8().size() / 1024)
                   .arg(giftMs, 0, 'f', 1));
    Bench::say(QStringLiteral("Moodle XML: %1 questions (%2 KiB) in %3 ms")
                   .arg(xmlRead)
                   .arg(xml.size() / 1024)
                   .arg(xmlMs, 0, 'f', 1));
    Bench::say(QStringLiteral("Aiken: %1 questions (%2 KiB) in %3 ms")
                   .arg(aikenRead)
                   .arg(aiken.toUtf8().size() / 1024)
                   .arg(aikenMs, 0, 'f', 1));
    return giftMs < 1000 ? 0 : 1;
}
