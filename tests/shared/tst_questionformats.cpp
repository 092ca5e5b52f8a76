#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <lectern/questions/aiken.h>
#include <lectern/questions/formats.h>
#include <lectern/questions/gift.h>
#include <lectern/questions/moodlexml.h>
#include <random>

using namespace Lectern::Questions;
using namespace Qt::StringLiterals;

// GIFT and Aiken read as Moodle reads them (the expectations follow Moodle's own importer tests,
// on the same files, in ../shared/fixtures), written back so that reading gives the same
// questions, and bad files reported by line.
class tst_QuestionFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void giftMoodleQuestions();
    void giftMoodleExamples();
    void giftKinds_data();
    void giftKinds();
    void giftErrorsNameTheirLines();
    void giftRoundTrip();
    void aikenMoodleQuestions();
    void aikenErrorsNameTheirLines();
    void aikenRoundTrip();
    void jsonContract();
    void formatsByName();
    void mutatedFilesNeverCrash_data();
    void mutatedFilesNeverCrash();

private:
    static QByteArray fixture(const QString &name);
    static QList<Question> withoutLines(QList<Question> questions)
    {
        for (Question &q : questions)
            q.line = 0;
        return questions;
    }
};

QByteArray tst_QuestionFormats::fixture(const QString &name)
{
    QFile file(QStringLiteral(LECTERN_FIXTURES_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

#define FIXTURE(var, name)                                                                         \
    const QByteArray var = fixture(name);                                                          \
    if (var.isEmpty())                                                                             \
        QSKIP(                                                                                     \
            qPrintable(u"%1 is not there: put the team's shared folder beside the checkout"_s.arg( \
                QDir::cleanPath(QStringLiteral(LECTERN_FIXTURES_DIR) + u'/' + name))));

void tst_QuestionFormats::giftMoodleQuestions()
{
    FIXTURE(file, u"gift/moodle-questions.gift"_s);
    const ParseResult result = Gift::read(QString::fromUtf8(file));
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    const QList<Question> &q = result.questions;
    QCOMPARE(q.size(), 9);

    QCOMPARE(q[0].type, Type::Essay);
    QCOMPARE(q[0].name, u"Q8"_s);
    QCOMPARE(q[0].text, u"How are you?"_s);

    QCOMPARE(q[1].type, Type::Matching);
    QCOMPARE(q[1].name, u"Moodle activities"_s);
    QCOMPARE(q[1].textFormat, u"html"_s);
    QCOMPARE(q[1].text, u"Match the <b>activity</b> to the description."_s);
    QCOMPARE(q[1].subquestions.size(), 5);
    QCOMPARE(q[1].subquestions[0],
             (SubQuestion {u"An activity supporting asynchronous discussions."_s, u"Forum"_s}));
    QCOMPARE(q[1].subquestions[3].answer, u"Wiki"_s);
    QCOMPARE(q[1].subquestions[4], (SubQuestion {QString(), u"Chat"_s})); // a distractor

    QCOMPARE(q[2].type, Type::MultiChoice);
    QVERIFY(q[2].single);
    QCOMPARE(q[2].answers.size(), 3);
    QCOMPARE(q[2].answers[0], (Answer {u"yellow"_s, 1, u"right; good!"_s, {}}));
    QCOMPARE(q[2].answers[1], (Answer {u"red"_s, 0, u"wrong, it's yellow"_s, {}}));
    QCOMPARE(q[2].answers[2], (Answer {u"blue"_s, 0, u"wrong, it's yellow"_s, {}}));

    QCOMPARE(q[3].type, Type::MultiChoice);
    QCOMPARE(q[3].name, u"colours"_s);
    QVERIFY(!q[3].single); // weights only
    QCOMPARE(q[3].answers[0].fraction, 0.5);
    QCOMPARE(q[3].answers[1].fraction, -1.0);
    QCOMPARE(q[3].answers[2].text, u"off-beige"_s);
    QCOMPARE(q[3].answers[3], (Answer {u"blue"_s, -1, u"wrong"_s, {}}));

    QCOMPARE(q[4].type, Type::Numerical);
    // Text after the closing brace: the missing-word form.
    QCOMPARE(q[4].text, u"What is a number from 1 to 5? _____\";"_s);
    QCOMPARE(q[4].answers.size(), 2);
    QCOMPARE(q[4].answers[0], (Answer {u"3"_s, 1, QString(), 2.0}));
    QCOMPARE(q[4].answers[1], (Answer {u"*"_s, 0, u"Completely wrong"_s, 0.0}));

    QCOMPARE(q[5].type, Type::ShortAnswer);
    QCOMPARE(q[5].answers.size(), 3);
    QCOMPARE(q[5].answers[0], (Answer {u"Frog"_s, 1, u"Good!"_s, {}}));
    QCOMPARE(q[5].answers[1],
             (Answer {u"Cat"_s, 0.5, u"What is it with Moodlers and cats?"_s, {}}));
    QCOMPARE(q[5].answers[2], (Answer {u"*"_s, 0, u"Completely wrong"_s, {}}));

    QCOMPARE(q[6].type, Type::TrueFalse);
    QCOMPARE(q[6].answers[0], (Answer {u"true"_s, 0, u"42 is the Ultimate Answer."_s, {}}));
    QCOMPARE(q[6].answers[1], (Answer {u"false"_s, 1, u"You gave the right answer."_s, {}}));
    QCOMPARE(q[6].generalFeedback,
             u"This is, of course, a Hitchiker's Guide to the Galaxy reference."_s);

    for (int i : {7, 8}) {
        QCOMPARE(q[i].type, Type::TrueFalse);
        QCOMPARE(q[i].name, u"2-08 TSL"_s);
        QCOMPARE(q[i].text, u"TSL is blablabla."_s);
        QCOMPARE(q[i].answers[0].fraction, 1.0);
    }
    // Where each starts, for the person fixing a file.
    QVERIFY(q[0].line > 0 && q[1].line > q[0].line && q[8].line > q[7].line);
}

void tst_QuestionFormats::giftMoodleExamples()
{
    FIXTURE(file, u"gift/moodle-examples.gift"_s);
    const ParseResult result = Gift::read(QString::fromUtf8(file));
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QVERIFY(result.questions.size() > 30);
    const auto named = [&](const QString &name) {
        for (const Question &q : result.questions) {
            if (q.name == name)
                return q;
        }
        return Question();
    };
    const auto starting = [&](const QString &text) {
        for (const Question &q : result.questions) {
            if (q.text.startsWith(text))
                return q;
        }
        return Question();
    };

    const Question grant = starting(u"Grant is _____"_s);
    QCOMPARE(grant.type, Type::MultiChoice);
    QCOMPARE(grant.text, u"Grant is _____ in Grant's tomb."_s);
    QCOMPARE(grant.answers[1].text, u"entombed"_s);

    const Question pi = starting(u"What is the value of pi (to 3 decimal places)? _____."_s);
    QCOMPARE(pi.type, Type::Numerical);
    QCOMPARE(pi.answers[0].text, u"3.1415"_s);
    QCOMPARE(pi.answers[0].tolerance, 0.0005);

    const Question control = named(u"GIFT Control Characters"_s);
    QCOMPARE(control.type, Type::MultiChoice);
    QStringList texts;
    for (const Answer &a : control.answers)
        texts.append(a.text);
    QCOMPARE(texts, (QStringList {u"~"_s, u"="_s, u"#"_s, u"{"_s, u"}"_s, u"\\"_s}));
    QCOMPARE(control.answers[0].feedback, u"~ is a control character."_s);
    QCOMPARE(control.answers[5].fraction, 1.0);
    QVERIFY(control.answers[5].feedback.startsWith(u"Correct! \\ (backslash)"_s));

    const Question markdown = starting(u"Who's buried in **Grant's tomb**?"_s);
    QCOMPARE(markdown.textFormat, u"markdown"_s);
    QCOMPARE(markdown.type, Type::ShortAnswer);

    const Question kanji = named(u"Kanji Origins"_s);
    QCOMPARE(kanji.text, u"Japanese characters originally\ncame from what country?"_s);
    QCOMPARE(kanji.type, Type::ShortAnswer);

    const Question numerical = named(u"Numerical example"_s);
    QCOMPARE(numerical.answers.size(), 2);
    QCOMPARE(numerical.answers[1].fraction, 0.5);
    QCOMPARE(numerical.answers[1].tolerance, 2.0);
    QCOMPARE(numerical.answers[1].feedback,
             u"He was born in 1822.\nYou get 50% credit for being close."_s);

    // Without a name, the text names it.
    QCOMPARE(starting(u"Who's buried in Grant's tomb?"_s).name, u"Who's buried in Grant's tomb?"_s);
    QCOMPARE(named(u"Grant's Tomb"_s).answers[2].feedback, u"We hope not!"_s);
}

void tst_QuestionFormats::giftKinds_data()
{
    QTest::addColumn<QString>("gift");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("single");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("answers"); // "text fraction"

    QTest::newRow("description") << u"Just some words."_s << u"description"_s << true
                                 << u"Just some words."_s << QStringList();
    QTest::newRow("essay") << u"Tell me.{}"_s << u"essay"_s << true << u"Tell me."_s
                           << QStringList();
    QTest::newRow("true, short") << u"Water is wet.{T}"_s << u"truefalse"_s << true
                                 << u"Water is wet."_s << QStringList {u"true 1"_s, u"false 0"_s};
    QTest::newRow("false, long") << u"Ice is hot.{FALSE}"_s << u"truefalse"_s << true
                                 << u"Ice is hot."_s << QStringList {u"true 0"_s, u"false 1"_s};
    QTest::newRow("two right, one chosen")
        << u"Pick {=a =b ~c}"_s << u"multichoice"_s << true << u"Pick"_s
        << QStringList {u"a 1"_s, u"b 1"_s, u"c 0"_s};
    QTest::newRow("negative weights")
        << u"Pick {~%50%a ~%50%b ~%-100%c}"_s << u"multichoice"_s << false << u"Pick"_s
        << QStringList {u"a 0.5"_s, u"b 0.5"_s, u"c -1"_s};
    QTest::newRow("escaped braces in text")
        << u"Is \\{x\\} a set?{T}"_s << u"truefalse"_s << true << u"Is {x} a set?"_s
        << QStringList {u"true 1"_s, u"false 0"_s};
    QTest::newRow("newline escape") << u"One\\ntwo{=three}"_s << u"shortanswer"_s << true
                                    << u"One\ntwo"_s << QStringList {u"three 1"_s};
    QTest::newRow("exact number") << u"Year?{#1822}"_s << u"numerical"_s << true << u"Year?"_s
                                  << QStringList {u"1822 1"_s};
    QTest::newRow("crlf and bom") << u"\uFEFFTwo?\r\n{=2}\r\n"_s << u"shortanswer"_s << true
                                  << u"Two?"_s << QStringList {u"2 1"_s};
}

void tst_QuestionFormats::giftKinds()
{
    QFETCH(QString, gift);
    QFETCH(QString, type);
    QFETCH(bool, single);
    QFETCH(QString, text);
    QFETCH(QStringList, answers);
    const ParseResult result = Gift::read(gift);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QCOMPARE(result.questions.size(), 1);
    const Question &q = result.questions.first();
    QCOMPARE(typeName(q.type), type);
    QCOMPARE(q.single, single);
    QCOMPARE(q.text.trimmed(), text);
    QStringList got;
    for (const Answer &a : q.answers)
        got.append(u"%1 %2"_s.arg(a.text).arg(a.fraction));
    QCOMPARE(got, answers);
    QCOMPARE(q.category, std::nullopt);
}

void tst_QuestionFormats::giftErrorsNameTheirLines()
{
    const QString file = u"::ok::Fine? {T}\n"              // 1
                         "\n"                              // 2
                         "// a comment\n"                  // 3
                         "::bad:: Missing brace {=a =b\n"  // 4
                         "\n"                              // 5
                         "$CATEGORY: $course$/Units\n"     // 6
                         "\n"                              // 7
                         "::weights:: Pick {~%500%a ~b}\n" // 8
                         "\n"                              // 9
                         "::num::\n"                       // 10
                         "Number? {#abc}\n"                // 11
                         "\n"                              // 12
                         "::one:: Only one choice {~a}\n"  // 13
                         "\n"                              // 14
                         "::pairs:: Match {=a -> b =c}\n"  // 15
                         "\n"                              // 16
                         "::last::Still read? {F}\n"_s;    // 17
    const ParseResult result = Gift::read(file);
    QList<int> lines;
    for (const ParseError &e : result.errors) {
        lines.append(e.line);
        QVERIFY(!e.message.isEmpty());
    }
    QCOMPARE(lines, (QList<int> {4, 8, 10, 13, 15}));
    QVERIFY(result.errors[2].message.contains(u"abc"_s));
    QCOMPARE(result.questions.size(), 2); // the bad ones do not stop the rest
    QCOMPARE(result.questions[0].name, u"ok"_s);
    QCOMPARE(result.questions[1].name, u"last"_s);
    QCOMPARE(result.questions[1].category, u"$course$/Units"_s);
    QCOMPARE(result.questions[1].line, 17);
}

void tst_QuestionFormats::giftRoundTrip()
{
    QList<Question> questions;
    for (const QString &name : {u"gift/moodle-questions.gift"_s, u"gift/moodle-examples.gift"_s}) {
        const QByteArray file = fixture(name);
        if (!file.isEmpty())
            questions += Gift::read(QString::fromUtf8(file)).questions;
    }
    // And what the fixtures lack: categories, formats, escapes everywhere, negative weights.
    questions += Gift::read(u"$CATEGORY: $course$/Physics/Units\n\n"
                            "::Unit \\: SI::[markdown]Which is **the** unit of force?{\n"
                            "~%-50%Joule#energy \\= work\n=Newton#yes \\{right\\}\n"
                            "~Watt####Forces are measured in newtons.}\n\n"
                            "::Range::Pi?{#3.14..3.15}\n"_s)
                     .questions;
    QVERIFY(questions.size() > 10);
    QStringList skipped;
    const QString written = Gift::write(questions, &skipped);
    QVERIFY(skipped.isEmpty());
    const ParseResult again = Gift::read(written);
    QVERIFY2(again.errors.isEmpty(), qPrintable(again.errors.value(0).message));
    const QList<Question> before = withoutLines(questions);
    const QList<Question> after = withoutLines(again.questions);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        QCOMPARE(toJson(after[i]), toJson(before[i]));

    // What GIFT cannot hold is named, not lost silently.
    Question cloze;
    cloze.type = Type::MultiAnswer;
    cloze.name = u"Cloze"_s;
    cloze.text = u"{1:SHORTANSWER:=x}"_s;
    skipped.clear();
    Gift::write({cloze}, &skipped);
    QCOMPARE(skipped, QStringList {u"Cloze"_s});
}

void tst_QuestionFormats::aikenMoodleQuestions()
{
    FIXTURE(file, u"aiken/moodle-questions.aiken.txt"_s);
    const ParseResult result = Aiken::read(QString::fromUtf8(file));
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QCOMPARE(result.questions.size(), 2);
    const Question &first = result.questions[0];
    QCOMPARE(first.type, Type::MultiChoice);
    QVERIFY(first.single);
    QCOMPARE(first.text, u"The Moodle project was started by:"_s);
    QCOMPARE(first.name, u"The Moodle project was started by:"_s);
    QCOMPARE(first.answers.size(), 4);
    QCOMPARE(first.answers[1], (Answer {u"Martin Dougiamas"_s, 1, QString(), {}}));
    QCOMPARE(first.answers[0].fraction, 0.0);
    QCOMPARE(first.line, 1);
    const Question &second = result.questions[1];
    // Moodle reads Aiken text as HTML, escaped.
    QCOMPARE(second.textFormat, u"html"_s);
    QCOMPARE(second.text,
             u"Moodle's abilities include handling user input that includes "
             "&lt;html class=\"cool\"&gt; &amp; images:"_s);
    QCOMPARE(second.answers[0], (Answer {u"True"_s, 1, QString(), {}}));
    QCOMPARE(second.answers[1].text, u"False"_s);
}

void tst_QuestionFormats::aikenErrorsNameTheirLines()
{
    const QString file = u"First?\n"     // 1
                         "A) one\n"      // 2
                         "B) two\n"      // 3
                         "ANSWER: C\n"   // 4
                         "\n"            // 5
                         "Second?\n"     // 6
                         "A. yes\n"      // 7
                         "B. no\n"       // 8
                         "ANSWER: A\n"   // 9
                         "ANSWER: B\n"   // 10
                         "Lonely?\n"     // 11
                         "A) only\n"     // 12
                         "ANSWER: A\n"   // 13
                         "Unfinished?\n" // 14
                         "A) a\n"        // 15
                         "B) b\n"_s;     // 16
    const ParseResult result = Aiken::read(file);
    QList<int> lines;
    for (const ParseError &e : result.errors)
        lines.append(e.line);
    QCOMPARE(lines, (QList<int> {4, 10, 11, 14}));
    QVERIFY(result.errors[0].message.contains(u"A, B"_s));
    QCOMPARE(result.questions.size(), 1);
    QCOMPARE(result.questions[0].text, u"Second?"_s);
    QCOMPARE(result.questions[0].answers[0].fraction, 1.0);
}

void tst_QuestionFormats::aikenRoundTrip()
{
    QList<Question> questions
        = Aiken::read(QString::fromUtf8(fixture(u"aiken/moodle-questions.aiken.txt"_s))).questions;
    questions
        += Aiken::read(u"Which <tag> & which?\nA) <b>\nB) &amp;\nC) none\nANSWER: C\n"_s).questions;
    const ParseResult again = Aiken::read(Aiken::write(questions));
    QVERIFY(again.errors.isEmpty());
    QCOMPARE(withoutLines(again.questions), withoutLines(questions));

    // Only multiple choice with one right answer fits Aiken.
    Question essay;
    essay.type = Type::Essay;
    essay.name = u"Essay"_s;
    QStringList skipped;
    QCOMPARE(Aiken::write({essay}, &skipped), QString());
    QCOMPARE(skipped, QStringList {u"Essay"_s});
}

// The shape outside tools read from `lectern-server questions import --dry-run`.
void tst_QuestionFormats::jsonContract()
{
    const ParseResult result = Gift::read(u"::n::Year?{#1822:2}\n\n"
                                          "::m::Match {=a -> 1 =b -> 2}\n\n"
                                          "::c::Pick {=x ~y}\n\n"
                                          "broken {\n"_s);
    const QJsonObject json = toJson(result);
    const QJsonArray questions = json.value(u"questions").toArray();
    QCOMPARE(questions.size(), 3);
    const QJsonObject numerical = questions[0].toObject();
    QCOMPARE(numerical.value(u"type").toString(), u"numerical"_s);
    QCOMPARE(numerical.value(u"name").toString(), u"n"_s);
    QCOMPARE(numerical.value(u"text").toString(), u"Year?"_s);
    QVERIFY(numerical.value(u"category").isNull());
    const QJsonObject answer = numerical.value(u"answers").toArray().first().toObject();
    QCOMPARE(answer.value(u"text").toString(), u"1822"_s);
    QCOMPARE(answer.value(u"fraction").toDouble(), 1.0);
    QCOMPARE(answer.value(u"tolerance").toDouble(), 2.0);
    QVERIFY(answer.value(u"feedback").isString());
    const QJsonObject matching = questions[1].toObject();
    QCOMPARE(matching.value(u"subquestions").toArray().size(), 2);
    QCOMPARE(matching.value(u"subquestions").toArray()[1].toObject().value(u"answer").toString(),
             u"2"_s);
    const QJsonObject choice = questions[2].toObject();
    QCOMPARE(choice.value(u"single"), QJsonValue(true));
    QVERIFY(!choice.value(u"answers").toArray().first().toObject().contains(u"tolerance"));
    QVERIFY(!choice.contains(u"subquestions"));
    const QJsonArray errors = json.value(u"errors").toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].toObject().value(u"line").toInt(), 7);
    QVERIFY(!errors[0].toObject().value(u"message").toString().isEmpty());
}

void tst_QuestionFormats::formatsByName()
{
    QCOMPARE(formatFromName(u"gift"), Format::Gift);
    QCOMPARE(formatFromName(u"aiken"), Format::Aiken);
    QCOMPARE(formatFromName(u"moodlexml"), Format::MoodleXml);
    QCOMPARE(formatFromName(u"xml"), std::nullopt);
    for (const Format f : {Format::Gift, Format::Aiken, Format::MoodleXml})
        QCOMPARE(formatFromName(formatName(f)), f);
    QCOMPARE(read(Format::Gift, "Q?{T}").questions.size(), 1);
    for (const char *type : {"multichoice", "truefalse", "shortanswer", "numerical", "matching",
                             "essay", "description", "multianswer", "ordering"})
        QCOMPARE(typeName(*typeFromName(QString::fromLatin1(type))), QString::fromLatin1(type));
}

void tst_QuestionFormats::mutatedFilesNeverCrash_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("seed");
    const QByteArray gift = fixture(u"gift/moodle-questions.gift"_s) + "\n\n"
        + fixture(u"gift/moodle-examples.gift"_s);
    const QByteArray aiken = fixture(u"aiken/moodle-questions.aiken.txt"_s);
    // Without the fixtures, a small seed of each kind still runs.
    const QByteArray giftSeed
        = gift.isEmpty() ? QByteArray("::a::Q?{=x ~y#f####g}\n\n::n::N{#1..2}\n") : gift;
    QTest::newRow("gift") << int(Format::Gift) << giftSeed;
    QTest::newRow("aiken") << int(Format::Aiken)
                           << (aiken.isEmpty() ? QByteArray("Q?\nA) a\nB) b\nANSWER: A\n") : aiken);
    QTest::newRow("moodlexml") << int(
        Format::MoodleXml) << MoodleXml::write(Gift::read(QString::fromUtf8(giftSeed)).questions);
}

// What a fuzzer does, in small and repeatable: thousands of damaged copies of real files (bytes
// turned into the formats' control characters, pieces cut, repeated or moved, the end cut off),
// each read to the end. Every one must give questions and errors, with lines inside the file,
// never a crash or a hang.
void tst_QuestionFormats::mutatedFilesNeverCrash()
{
    QFETCH(int, format);
    QFETCH(QByteArray, seed);
    QVERIFY(!seed.isEmpty());
    static const char controls[] = "{}~=#:%\\<>&/[]\n!-.0123456789 ]]>\"'";
    std::mt19937 random(20261208); // the same damage every run
    const auto pick = [&](qsizetype below) {
        return qsizetype(
            std::uniform_int_distribution<qint64>(0, std::max<qsizetype>(0, below - 1))(random));
    };
    int questions = 0;
    int errors = 0;
    for (int round = 0; round < 1500; ++round) {
        QByteArray damaged = seed;
        const int cuts = 1 + int(pick(8));
        for (int i = 0; i < cuts && !damaged.isEmpty(); ++i) {
            const qsizetype at = pick(damaged.size());
            switch (pick(5)) {
            case 0:
                damaged[at] = controls[pick(sizeof(controls) - 1)];
                break;
            case 1:
                damaged.remove(at, pick(64));
                break;
            case 2:
                damaged.insert(at, damaged.mid(pick(damaged.size()), pick(64)));
                break;
            case 3:
                damaged.truncate(at);
                break;
            default:
                damaged.insert(at,
                               QByteArray(1 + int(pick(3)), controls[pick(sizeof(controls) - 1)]));
                break;
            }
        }
        const ParseResult result = read(Format(format), damaged);
        const int lines = int(damaged.count('\n')) + 2;
        for (const ParseError &e : result.errors) {
            QVERIFY2(e.line >= 0 && e.line <= lines,
                     qPrintable(u"line %1 of %2"_s.arg(e.line).arg(lines)));
            QVERIFY(!e.message.isEmpty());
        }
        for (const Question &q : result.questions) {
            QVERIFY(q.line >= 0 && q.line <= lines);
            for (const Answer &a : q.answers)
                QVERIFY(a.fraction >= -1 && a.fraction <= 1);
        }
        questions += int(result.questions.size());
        errors += int(result.errors.size());
    }
    // The damage was real: some files lost questions, others still had some.
    QVERIFY(questions > 0);
    QVERIFY(errors > 0);
}

QTEST_GUILESS_MAIN(tst_QuestionFormats)
#include "tst_questionformats.moc"
