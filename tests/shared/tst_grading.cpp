#include <QRandomGenerator>
#include <QTest>
#include <lectern/questions/cloze.h>
#include <lectern/questions/gift.h>
#include <lectern/questions/grading.h>

using namespace Lectern::Questions;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Lectern::Questions::Question)
Q_DECLARE_METATYPE(Lectern::Questions::Response)
Q_DECLARE_METATYPE(Lectern::Questions::ClozePart::Layout)
Q_DECLARE_METATYPE(Lectern::Questions::Type)

// One grading engine for the server and the desktop, with the rows following Moodle's documented
// behaviour per type: partial credit, penalties, wildcards, tolerances, cloze weights.
class tst_Grading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiChoice_data();
    void multiChoice();
    void trueFalse_data();
    void trueFalse();
    void shortAnswer_data();
    void shortAnswer();
    void numerical_data();
    void numerical();
    void matching_data();
    void matching();
    void ordering_data();
    void ordering();
    void markScalesByDefaultMark();
    void essayAndDescription();
    void clozeParsesParts();
    void clozeTypeNames_data();
    void clozeTypeNames();
    void clozeAnswers();
    void clozeErrors_data();
    void clozeErrors();
    void clozeMutationsNeverCrash();
    void multiAnswer_data();
    void multiAnswer();
    void multiAnswerPartGrades();
};

namespace {

constexpr double Third = 1.0 / 3.0;

Question question(Type type, const QList<Answer> &answers)
{
    Question q;
    q.type = type;
    q.answers = answers;
    return q;
}

Question fromGift(const QString &text)
{
    const ParseResult result = Gift::read(text);
    if (result.questions.size() != 1 || !result.errors.isEmpty())
        qWarning() << "GIFT did not read:" << text;
    return result.questions.value(0);
}

void addColumns()
{
    QTest::addColumn<Question>("question");
    QTest::addColumn<Response>("response");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QStringList>("feedback");
}

// Fractions such as 2/3 come from a division: compared with room for rounding.
void checkGrade(const Grade &grade, double fraction, const QStringList &feedback)
{
    QVERIFY2(qAbs(grade.fraction - fraction) < 1e-9,
             qPrintable(u"fraction %1, expected %2"_s.arg(grade.fraction).arg(fraction)));
    QCOMPARE(grade.feedback, feedback);
    QVERIFY(!grade.needsGrading);
}

} // namespace

void tst_Grading::multiChoice_data()
{
    addColumns();
    Question single = question(Type::MultiChoice,
                               {{u"Paris"_s, 1, u"Right"_s, {}},
                                {u"Lyon"_s, 0, u"No"_s, {}},
                                {u"Nice"_s, -0.5, u"Guessing costs"_s, {}}});
    QTest::newRow("single right") << single << Response::choice(0) << 1.0
                                  << QStringList {u"Right"_s};
    QTest::newRow("single wrong") << single << Response::choice(1) << 0.0 << QStringList {u"No"_s};
    // Moodle keeps a single choice's negative grade: a penalty for guessing.
    QTest::newRow("single penalty")
        << single << Response::choice(2) << -0.5 << QStringList {u"Guessing costs"_s};
    QTest::newRow("single none") << single << Response() << 0.0 << QStringList();
    QTest::newRow("single two chosen")
        << single << Response::choosing({0, 1}) << 0.0 << QStringList();
    QTest::newRow("single out of range") << single << Response::choice(3) << 0.0 << QStringList();
    QTest::newRow("single negative index")
        << single << Response::choice(-1) << 0.0 << QStringList();

    Question multiple = question(Type::MultiChoice,
                                 {{u"2"_s, 0.5, u"two"_s, {}},
                                  {u"3"_s, 0.5, u"three"_s, {}},
                                  {u"4"_s, -1, u"four"_s, {}},
                                  {u"9"_s, -0.5, {}, {}}});
    multiple.single = false;
    QTest::newRow("multiple all right")
        << multiple << Response::choosing({0, 1}) << 1.0 << QStringList {u"two"_s, u"three"_s};
    QTest::newRow("multiple partial")
        << multiple << Response::choosing({1}) << 0.5 << QStringList {u"three"_s};
    QTest::newRow("multiple right and penalty")
        << multiple << Response::choosing({0, 1, 3}) << 0.5 << QStringList {u"two"_s, u"three"_s};
    QTest::newRow("multiple penalty cancels")
        << multiple << Response::choosing({0, 3}) << 0.0 << QStringList {u"two"_s};
    QTest::newRow("multiple clamped at 0")
        << multiple << Response::choosing({0, 2}) << 0.0 << QStringList {u"two"_s, u"four"_s};
    QTest::newRow("multiple all ticked") << multiple << Response::choosing({0, 1, 2, 3}) << 0.0
                                         << QStringList {u"two"_s, u"three"_s, u"four"_s};
    QTest::newRow("multiple none") << multiple << Response() << 0.0 << QStringList();
    QTest::newRow("multiple twice counts once")
        << multiple << Response::choosing({0, 0}) << 0.5 << QStringList {u"two"_s};
    QTest::newRow("multiple out of range ignored")
        << multiple << Response::choosing({1, 7, -2}) << 0.5 << QStringList {u"three"_s};

    Question generous = question(Type::MultiChoice, {{u"a"_s, 0.7, {}, {}}, {u"b"_s, 0.7, {}, {}}});
    generous.single = false;
    QTest::newRow("multiple clamped at 1")
        << generous << Response::choosing({0, 1}) << 1.0 << QStringList();

    const Question gift = fromGift(u"Pick one. {=yes ~no ~%-50%maybe#Do not guess}"_s);
    QTest::newRow("gift penalty") << gift << Response::choice(2) << -0.5
                                  << QStringList {u"Do not guess"_s};
}

void tst_Grading::multiChoice()
{
    QFETCH(Question, question);
    QFETCH(Response, response);
    QFETCH(double, fraction);
    QFETCH(QStringList, feedback);
    checkGrade(grade(question, response), fraction, feedback);
}

void tst_Grading::trueFalse_data()
{
    addColumns();
    // GIFT: the first feedback is for a wrong response, the second for a right one.
    const Question isTrue = fromGift(u"Grass is green. {TRUE#No, look again.#Yes.}"_s);
    QTest::newRow("true chosen, right")
        << isTrue << Response::boolean(true) << 1.0 << QStringList {u"Yes."_s};
    QTest::newRow("false chosen, wrong")
        << isTrue << Response::boolean(false) << 0.0 << QStringList {u"No, look again."_s};
    QTest::newRow("no answer") << isTrue << Response() << 0.0 << QStringList();
    const Question isFalse = fromGift(u"The sun is cold. {F}"_s);
    QTest::newRow("false chosen, right")
        << isFalse << Response::boolean(false) << 1.0 << QStringList();
    QTest::newRow("true chosen, wrong")
        << isFalse << Response::boolean(true) << 0.0 << QStringList();
    // Answers named otherwise (a translated file): the first is "true".
    const Question named
        = question(Type::TrueFalse, {{u"Wahr"_s, 0, {}, {}}, {u"Falsch"_s, 1, {}, {}}});
    QTest::newRow("by position") << named << Response::boolean(false) << 1.0 << QStringList();
}

void tst_Grading::trueFalse()
{
    multiChoice();
}

void tst_Grading::shortAnswer_data()
{
    addColumns();
    const Question q = question(Type::ShortAnswer,
                                {{u"Moodle"_s, 1, u"Right"_s, {}},
                                 {u"Mo*le"_s, 0.5, u"Close"_s, {}},
                                 {u"*"_s, 0, u"Anything else"_s, {}}});
    QTest::newRow("exact") << q << Response::typed(u"Moodle"_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("first match wins over the wildcards")
        << q << Response::typed(u"Moodle"_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("case-insensitive")
        << q << Response::typed(u"mOODLE"_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("spaces around ignored")
        << q << Response::typed(u"  Moodle \t"_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("wildcard, empty run")
        << q << Response::typed(u"Mole"_s) << 0.5 << QStringList {u"Close"_s};
    QTest::newRow("wildcard, long run")
        << q << Response::typed(u"Mo and doo dle"_s) << 0.5 << QStringList {u"Close"_s};
    QTest::newRow("wildcard anchored at the end")
        << q << Response::typed(u"Moodles"_s) << 0.0 << QStringList {u"Anything else"_s};
    QTest::newRow("lone star matches anything")
        << q << Response::typed(u"Blackboard"_s) << 0.0 << QStringList {u"Anything else"_s};
    QTest::newRow("empty response matches nothing")
        << q << Response::typed(u"  "_s) << 0.0 << QStringList();

    Question cased = question(Type::ShortAnswer, {{u"Berlin"_s, 1, {}, {}}});
    cased.caseSensitive = true;
    QTest::newRow("case-sensitive, right")
        << cased << Response::typed(u"Berlin"_s) << 1.0 << QStringList();
    QTest::newRow("case-sensitive, wrong case")
        << cased << Response::typed(u"berlin"_s) << 0.0 << QStringList();
    QTest::newRow("no match") << cased << Response::typed(u"Bonn"_s) << 0.0 << QStringList();

    const Question star = question(Type::ShortAnswer, {{u"a\\*b"_s, 1, {}, {}}});
    QTest::newRow("escaped star is a star")
        << star << Response::typed(u"a*b"_s) << 1.0 << QStringList();
    QTest::newRow("escaped star is no wildcard")
        << star << Response::typed(u"axb"_s) << 0.0 << QStringList();
    const Question regex = question(Type::ShortAnswer, {{u"1+1 (two)"_s, 1, {}, {}}});
    QTest::newRow("no regular expressions")
        << regex << Response::typed(u"1+1 (two)"_s) << 1.0 << QStringList();
    QTest::newRow("no regular expressions, plus")
        << regex << Response::typed(u"11 two"_s) << 0.0 << QStringList();
    const Question accent = question(Type::ShortAnswer, {{u"Caf\u00e9"_s, 1, {}, {}}});
    QTest::newRow("composed and decomposed accents")
        << accent << Response::typed(u"Cafe\u0301"_s) << 1.0 << QStringList();
}

void tst_Grading::shortAnswer()
{
    multiChoice();
}

void tst_Grading::numerical_data()
{
    addColumns();
    const Question q
        = question(Type::Numerical, {{u"1"_s, 1, u"Right"_s, 0.1}, {u"2"_s, 0.5, u"Half"_s, {}}});
    QTest::newRow("exact") << q << Response::typed(u"1"_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("upper edge counts")
        << q << Response::typed(u"1.1"_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("lower edge counts")
        << q << Response::typed(u"0.9"_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("just outside") << q << Response::typed(u"1.1001"_s) << 0.0 << QStringList();
    QTest::newRow("second answer, no tolerance")
        << q << Response::typed(u"2"_s) << 0.5 << QStringList {u"Half"_s};
    QTest::newRow("exponent") << q << Response::typed(u"2e0"_s) << 0.5 << QStringList {u"Half"_s};
    QTest::newRow("spaces around")
        << q << Response::typed(u" 1.05 "_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("comma as decimal point")
        << q << Response::typed(u"1,05"_s) << 1.0 << QStringList {u"Right"_s};
    QTest::newRow("comma and point: not a number")
        << q << Response::typed(u"1,000.5"_s) << 0.0
        << QStringList {u"\"1,000.5\" is not a number."_s};
    QTest::newRow("words: not a number")
        << q << Response::typed(u"one"_s) << 0.0 << QStringList {u"\"one\" is not a number."_s};
    QTest::newRow("infinity: not a number")
        << q << Response::typed(u"inf"_s) << 0.0 << QStringList {u"\"inf\" is not a number."_s};
    QTest::newRow("empty") << q << Response::typed({}) << 0.0
                           << QStringList {u"No number was given."_s};

    const Question any
        = question(Type::Numerical, {{u"1822"_s, 1, {}, 1}, {u"*"_s, 0, u"Not quite"_s, {}}});
    QTest::newRow("integer edge") << any << Response::typed(u"1823"_s) << 1.0 << QStringList();
    QTest::newRow("star matches any number")
        << any << Response::typed(u"-5"_s) << 0.0 << QStringList {u"Not quite"_s};
    QTest::newRow("star does not match words")
        << any << Response::typed(u"x"_s) << 0.0 << QStringList {u"\"x\" is not a number."_s};

    const Question big = question(Type::Numerical, {{u"1000000"_s, 1, {}, 0.1}});
    QTest::newRow("edge of a big number")
        << big << Response::typed(u"1000000.1"_s) << 1.0 << QStringList();
    QTest::newRow("from GIFT min..max")
        << fromGift(u"Pi? {#3.14..3.15}"_s) << Response::typed(u"3.15"_s) << 1.0 << QStringList();
}

void tst_Grading::numerical()
{
    multiChoice();
}

void tst_Grading::matching_data()
{
    addColumns();
    Question q;
    q.type = Type::Matching;
    q.subquestions = {{u"cat"_s, u"meow"_s},
                      {u"dog"_s, u"woof"_s},
                      {{}, u"quack"_s}, // a distractor
                      {u"cow"_s, u"moo"_s}};
    QTest::newRow("all right") << q << Response::matching({u"meow"_s, u"woof"_s, u"moo"_s}) << 1.0
                               << QStringList();
    QTest::newRow("two of three") << q << Response::matching({u"meow"_s, u"moo"_s, u"moo"_s})
                                  << 2 * Third << QStringList();
    QTest::newRow("distractor chosen")
        << q << Response::matching({u"quack"_s, u"woof"_s, u"meow"_s}) << Third << QStringList();
    QTest::newRow("all wrong") << q << Response::matching({u"woof"_s, u"meow"_s, u"quack"_s}) << 0.0
                               << QStringList();
    QTest::newRow("not all answered")
        << q << Response::matching({u"meow"_s}) << Third << QStringList();
    QTest::newRow("none") << q << Response() << 0.0 << QStringList();
    QTest::newRow("extra answers ignored")
        << q << Response::matching({u"meow"_s, u"woof"_s, u"moo"_s, u"quack"_s}) << 1.0
        << QStringList();
}

void tst_Grading::matching()
{
    multiChoice();
}

void tst_Grading::ordering_data()
{
    addColumns();
    const Question q = question(Type::Ordering,
                                {{u"one"_s, 0, {}, {}},
                                 {u"two"_s, 0, {}, {}},
                                 {u"three"_s, 0, {}, {}},
                                 {u"four"_s, 0, {}, {}}});
    QTest::newRow("in order") << q << Response::ordered({0, 1, 2, 3}) << 1.0 << QStringList();
    QTest::newRow("first two swapped")
        << q << Response::ordered({1, 0, 2, 3}) << 0.5 << QStringList();
    // Absolute position: a block moved by one is wrong in every place it shifted.
    QTest::newRow("rotated") << q << Response::ordered({1, 2, 3, 0}) << 0.0 << QStringList();
    QTest::newRow("reversed") << q << Response::ordered({3, 2, 1, 0}) << 0.0 << QStringList();
    QTest::newRow("one in place") << q << Response::ordered({0, 3, 1, 2}) << 0.25 << QStringList();
    QTest::newRow("incomplete") << q << Response::ordered({0, 1}) << 0.5 << QStringList();
    QTest::newRow("none") << q << Response() << 0.0 << QStringList();
}

void tst_Grading::ordering()
{
    multiChoice();
}

void tst_Grading::markScalesByDefaultMark()
{
    Question q = question(Type::MultiChoice, {{u"a"_s, 0.5, {}, {}}, {u"b"_s, 0.5, {}, {}}});
    q.single = false;
    q.defaultMark = 3;
    const Grade g = grade(q, Response::choosing({1}));
    QCOMPARE(g.fraction, 0.5);
    QCOMPARE(g.mark, 1.5);
}

void tst_Grading::essayAndDescription()
{
    Question essay;
    essay.type = Type::Essay;
    essay.defaultMark = 10;
    const Grade byHand = grade(essay, Response::typed(u"My essay."_s));
    QVERIFY(byHand.needsGrading);
    QCOMPARE(byHand.fraction, 0.0);
    QCOMPARE(byHand.mark, 0.0);

    Question description;
    description.type = Type::Description;
    const Grade none = grade(description, Response());
    QVERIFY(!none.needsGrading);
    QCOMPARE(none.fraction, 0.0);
    QCOMPARE(none.mark, 0.0);
}

void tst_Grading::clozeParsesParts()
{
    const QString text = u"The capital is {1:SHORTANSWER:=Berlin#Right~%50%Bonn#Old capital}; "
                         "{x} and {1,2} are text. Born {:NUMERICAL:=1822:1} "
                         "{3:MC:Yes~=No#Right}."_s;
    const ClozeText cloze = parseCloze(text);
    QCOMPARE(cloze.errors, QList<ParseError>());
    QCOMPARE(cloze.parts.size(), 3);

    const ClozePart &sa = cloze.parts.at(0);
    QCOMPARE(sa.type, Type::ShortAnswer);
    QCOMPARE(sa.weight, 1.0);
    QVERIFY(!sa.caseSensitive);
    QCOMPARE(
        sa.answers,
        (QList<Answer> {{u"Berlin"_s, 1, u"Right"_s, {}}, {u"Bonn"_s, 0.5, u"Old capital"_s, {}}}));
    QCOMPARE(text.mid(sa.start, sa.length),
             u"{1:SHORTANSWER:=Berlin#Right~%50%Bonn#Old capital}"_s);

    const ClozePart &nm = cloze.parts.at(1);
    QCOMPARE(nm.type, Type::Numerical);
    QCOMPARE(nm.weight, 1.0); // no number: weight 1
    QCOMPARE(nm.answers, (QList<Answer> {{u"1822"_s, 1, {}, 1.0}}));
    QCOMPARE(text.mid(nm.start, nm.length), u"{:NUMERICAL:=1822:1}"_s);

    const ClozePart &mc = cloze.parts.at(2);
    QCOMPARE(mc.type, Type::MultiChoice);
    QVERIFY(mc.single);
    QCOMPARE(mc.weight, 3.0);
    QCOMPARE(mc.answers, (QList<Answer> {{u"Yes"_s, 0, {}, {}}, {u"No"_s, 1, u"Right"_s, {}}}));
    QCOMPARE(text.mid(mc.start, mc.length), u"{3:MC:Yes~=No#Right}"_s);
}

void tst_Grading::clozeTypeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Type>("type");
    QTest::addColumn<bool>("single");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("shuffle");
    QTest::addColumn<ClozePart::Layout>("layout");
    using L = ClozePart::Layout;
    const auto row
        = [](const char *name, Type type, bool single, bool caseSensitive, bool shuffle, L layout) {
              QTest::newRow(name) << QString::fromLatin1(name) << type << single << caseSensitive
                                  << shuffle << layout;
          };
    for (const char *name : {"SHORTANSWER", "SA", "MW"})
        row(name, Type::ShortAnswer, true, false, false, L::DropDown);
    for (const char *name : {"SHORTANSWER_C", "SAC", "MWC"})
        row(name, Type::ShortAnswer, true, true, false, L::DropDown);
    for (const char *name : {"NUMERICAL", "NM"})
        row(name, Type::Numerical, true, false, false, L::DropDown);
    for (const char *name : {"MULTICHOICE", "MC"})
        row(name, Type::MultiChoice, true, false, false, L::DropDown);
    for (const char *name : {"MULTICHOICE_V", "MCV"})
        row(name, Type::MultiChoice, true, false, false, L::Vertical);
    for (const char *name : {"MULTICHOICE_H", "MCH"})
        row(name, Type::MultiChoice, true, false, false, L::Horizontal);
    for (const char *name : {"MULTICHOICE_S", "MCS"})
        row(name, Type::MultiChoice, true, false, true, L::DropDown);
    for (const char *name : {"MULTICHOICE_VS", "MCVS"})
        row(name, Type::MultiChoice, true, false, true, L::Vertical);
    for (const char *name : {"MULTICHOICE_HS", "MCHS"})
        row(name, Type::MultiChoice, true, false, true, L::Horizontal);
    for (const char *name : {"MULTIRESPONSE", "MR"})
        row(name, Type::MultiChoice, false, false, false, L::Vertical);
    for (const char *name : {"MULTIRESPONSE_H", "MRH"})
        row(name, Type::MultiChoice, false, false, false, L::Horizontal);
    for (const char *name : {"MULTIRESPONSE_S", "MRS"})
        row(name, Type::MultiChoice, false, false, true, L::Vertical);
    for (const char *name : {"MULTIRESPONSE_HS", "MRHS"})
        row(name, Type::MultiChoice, false, false, true, L::Horizontal);
}

void tst_Grading::clozeTypeNames()
{
    QFETCH(QString, name);
    QFETCH(Type, type);
    QFETCH(bool, single);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, shuffle);
    QFETCH(ClozePart::Layout, layout);
    const ClozeText cloze = parseCloze(u"{2:%1:=1~2}"_s.arg(name));
    QCOMPARE(cloze.errors, QList<ParseError>());
    QCOMPARE(cloze.parts.size(), 1);
    const ClozePart &part = cloze.parts.first();
    QCOMPARE(part.type, type);
    QCOMPARE(part.single, single);
    QCOMPARE(part.caseSensitive, caseSensitive);
    QCOMPARE(part.shuffle, shuffle);
    QCOMPARE(part.layout, layout);
    QCOMPARE(part.weight, 2.0);
    QCOMPARE(part.answers.size(), 2);
}

void tst_Grading::clozeAnswers()
{
    // The documented escapes; any other backslash stays for the grader ("\*").
    ClozeText cloze = parseCloze(u"{1:SA:=a\\}b\\~c\\#d\\/e\\\"f\\\\g\\*h#fb\\~x\\}}"_s);
    QCOMPARE(cloze.errors, QList<ParseError>());
    QCOMPARE(cloze.parts.value(0).answers,
             (QList<Answer> {{u"a}b~c#d/e\"f\\g\\*h"_s, 1, u"fb~x}"_s, {}}}));

    // "&#39;" is an entity, not the start of feedback.
    cloze = parseCloze(u"{1:MC:=it&#39;s#yes~no#nope}"_s);
    QCOMPARE(cloze.parts.value(0).answers,
             (QList<Answer> {{u"it&#39;s"_s, 1, u"yes"_s, {}}, {u"no"_s, 0, u"nope"_s, {}}}));

    // Negative and decimal credits, a comma as decimal point, spaces around.
    cloze = parseCloze(u"{1:MR:%50%a~%50,0%b~%-33.5% c # oops }"_s);
    QCOMPARE(cloze.errors, QList<ParseError>());
    QCOMPARE(cloze.parts.value(0).answers,
             (QList<Answer> {
                 {u"a"_s, 0.5, {}, {}}, {u"b"_s, 0.5, {}, {}}, {u"c"_s, -0.335, u"oops"_s, {}}}));

    // Numbers as Moodle's NUMBER_REGEX reads them, and "*" for any number.
    cloze = parseCloze(u"{1:NM:=1,5:0,1~%50%2e1~*#No}"_s);
    QCOMPARE(cloze.errors, QList<ParseError>());
    QCOMPARE(cloze.parts.value(0).answers,
             (QList<Answer> {
                 {u"1.5"_s, 1, {}, 0.1}, {u"20"_s, 0.5, {}, 0.0}, {u"*"_s, 0, u"No"_s, 0.0}}));

    // As GIFT writes a list: a "~" before the first answer.
    cloze = parseCloze(u"{1:MC:~=a~b}"_s);
    QCOMPARE(cloze.errors, QList<ParseError>());
    QCOMPARE(cloze.parts.value(0).answers.size(), 2);
}

void tst_Grading::clozeErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("parts");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("unclosed") << u"A {1:SHORTANSWER:=a"_s << 0 << 1
                              << u"\"{1:SHORTANSWER:=a\" is not closed with \"}\"."_s;
    QTest::newRow("unclosed before the next part")
        << u"{1:SA:=a and {1:SA:=b}"_s << 1 << 1 << u"\"{1:SA:=a and {1:SA:=b}\" is not closed"_s;
    QTest::newRow("unclosed at the end") << u"text {:"_s << 0 << 1 << u"is not closed"_s;
    QTest::newRow("unknown type") << u"{1:FOO:=a}"_s << 0 << 1
                                  << u"\"FOO\" is not a type of embedded answer"_s;
    QTest::newRow("types are in capitals") << u"{1:sa:=a}"_s << 0 << 1 << u"\"sa\" is not a type"_s;
    QTest::newRow("no type") << u"{1:=a}"_s << 0 << 1 << u"is not written {weight:TYPE:answers}"_s;
    QTest::newRow("no answers") << u"{1:SA:}"_s << 0 << 1 << u"\"{1:SA:}\" has no answers."_s;
    QTest::newRow("empty answer") << u"{1:MC:=a~~b}"_s << 0 << 1 << u"has an empty answer"_s;
    QTest::newRow("empty answer after credit")
        << u"{1:MC:=#feedback~b}"_s << 0 << 1 << u"has an empty answer"_s;
    QTest::newRow("not a number") << u"{1:NM:=abc}"_s << 0 << 1
                                  << u"\"abc\" in \"{1:NM:=abc}\" is not a number"_s;
    QTest::newRow("bad tolerance") << u"{1:NM:=1:x}"_s << 0 << 1 << u"is not a number"_s;
    QTest::newRow("credit over 100%")
        << u"{1:MC:%150%a~=b}"_s << 0 << 1 << u"%150% in \"{1:MC:%150%a~=b}\" is not between"_s;
    QTest::newRow("no full credit") << u"{1:SA:%50%a}"_s << 0 << 1 << u"has full credit"_s;
    QTest::newRow("multiresponse without credit")
        << u"{1:MR:a~%-50%b}"_s << 0 << 1 << u"has full credit"_s;
    QTest::newRow("the line it is on")
        << u"First line\nsecond {1:SA:=a}\nthird {1:BAD:x}"_s << 1 << 3 << u"\"BAD\""_s;
    QTest::newRow("good parts around a bad one")
        << u"{1:SA:=a} {1:FOO:x} {1:SA:=b}"_s << 2 << 1 << u"\"FOO\""_s;
}

void tst_Grading::clozeErrors()
{
    QFETCH(QString, text);
    QFETCH(int, parts);
    QFETCH(int, line);
    QFETCH(QString, message);
    const ClozeText cloze = parseCloze(text);
    QCOMPARE(cloze.parts.size(), parts);
    QCOMPARE(cloze.errors.size(), 1);
    QCOMPARE(cloze.errors.first().line, line);
    QVERIFY2(cloze.errors.first().message.contains(message),
             qPrintable(cloze.errors.first().message));
}

void tst_Grading::clozeMutationsNeverCrash()
{
    const QString text = u"A {2:SHORTANSWER:=Berlin#Right~%50%Bonn#Old\\} capital} b\n"
                         "{:NUMERICAL:=1822:1~%50%1800:50#Close~*} c "
                         "{1:MULTIRESPONSE:%50%a~%50%b~%-100%c}\n{1:MCS:=it&#39;s~no}"_s;
    const QString alphabet = u"{}:~=#%\\/1-.,*&AMCNS \n"_s;
    QRandomGenerator random(20240501);
    Question q;
    q.type = Type::MultiAnswer;
    const Response response = Response::cloze(
        {Response::typed(u"Berlin"_s), Response::typed(u"1822"_s), Response::choosing({0, 1})});
    for (int i = 0; i < 3000; ++i) {
        QString mutated = text;
        if (i < text.size()) {
            mutated.truncate(i); // every prefix
        } else {
            for (int edits = random.bounded(1, 5); edits > 0; --edits) {
                const qsizetype at = random.bounded(mutated.size() + 1);
                const QChar c = alphabet.at(random.bounded(alphabet.size()));
                switch (random.bounded(3)) {
                case 0:
                    mutated.insert(at, c);
                    break;
                case 1:
                    mutated.remove(at, 1);
                    break;
                default:
                    if (at < mutated.size())
                        mutated[at] = c;
                }
            }
        }
        const ClozeText cloze = parseCloze(mutated);
        for (const ClozePart &part : cloze.parts) {
            QVERIFY(part.start >= 0 && part.start + part.length <= mutated.size());
            QVERIFY(!part.answers.isEmpty());
        }
        q.text = mutated;
        const Grade g = grade(q, response);
        QVERIFY2(g.fraction >= -1 && g.fraction <= 1, qPrintable(mutated));
    }
}

void tst_Grading::multiAnswer_data()
{
    addColumns();
    Question q;
    q.type = Type::MultiAnswer;
    q.text = u"Type a: {2:SHORTANSWER:=a#Yes a} Pick x: {1:MULTICHOICE:=x#Yes x~y#No}"_s;
    QTest::newRow("both right") << q
                                << Response::cloze({Response::typed(u"a"_s), Response::choice(0)})
                                << 1.0 << QStringList {u"Yes a"_s, u"Yes x"_s};
    QTest::newRow("only the first (weight 2 of 3)")
        << q << Response::cloze({Response::typed(u"A"_s), Response::choice(1)}) << 2 * Third
        << QStringList {u"Yes a"_s, u"No"_s};
    QTest::newRow("only the second (weight 1 of 3)")
        << q << Response::cloze({Response::typed(u"b"_s), Response::choice(0)}) << Third
        << QStringList {u"Yes x"_s};
    QTest::newRow("second part missing")
        << q << Response::cloze({Response::typed(u"a"_s)}) << 2 * Third << QStringList {u"Yes a"_s};
    QTest::newRow("nothing") << q << Response() << 0.0 << QStringList();

    Question mixed;
    mixed.type = Type::MultiAnswer;
    mixed.text = u"{1:NM:=1822:1#Year} {1:MR:%50%a~%50%b~%-100%c} {1:SAC:=Berlin}"_s;
    QTest::newRow("numerical edge, multiresponse, case")
        << mixed
        << Response::cloze({Response::typed(u"1823"_s), Response::choosing({0, 1}),
                            Response::typed(u"Berlin"_s)})
        << 1.0 << QStringList {u"Year"_s};
    QTest::newRow("penalty clamped within its part")
        << mixed
        << Response::cloze({Response::typed(u"1822"_s), Response::choosing({0, 2}),
                            Response::typed(u"berlin"_s)})
        << Third << QStringList {u"Year"_s};
    QTest::newRow("not a number in a part")
        << mixed
        << Response::cloze(
               {Response::typed(u"soon"_s), Response::choosing({0}), Response::typed(u"Berlin"_s)})
        << 0.5 << QStringList {u"\"soon\" is not a number."_s};

    Question broken;
    broken.type = Type::MultiAnswer;
    broken.text = u"{1:SA:=a} {1:FOO:x} {1:SA:=b}"_s;
    QTest::newRow("bad parts are not graded")
        << broken << Response::cloze({Response::typed(u"a"_s), Response::typed(u"b"_s)}) << 1.0
        << QStringList();
}

void tst_Grading::multiAnswer()
{
    multiChoice();
}

void tst_Grading::multiAnswerPartGrades()
{
    Question q;
    q.type = Type::MultiAnswer;
    q.defaultMark = 6;
    q.text = u"{2:SHORTANSWER:=a} {1:MULTICHOICE:=x~%50%y}"_s;
    const Grade g = grade(q, Response::cloze({Response::typed(u"a"_s), Response::choice(1)}));
    QCOMPARE(g.parts.size(), 2);
    QCOMPARE(g.parts.at(0).fraction, 1.0);
    QCOMPARE(g.parts.at(0).mark, 2.0); // out of the part's weight
    QCOMPARE(g.parts.at(1).fraction, 0.5);
    QCOMPARE(g.parts.at(1).mark, 0.5);
    QVERIFY(qAbs(g.fraction - 2.5 / 3) < 1e-9);
    QVERIFY(qAbs(g.mark - 5.0) < 1e-9);
}

QTEST_GUILESS_MAIN(tst_Grading)
#include "tst_grading.moc"
