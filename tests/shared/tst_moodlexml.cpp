// Moodle XML (question/format/xml) both ways: what a teacher exports from Moodle reads as the same
// questions, what Lectern writes Moodle (and Lectern) reads back, and a bad question or broken XML
// is reported with its line without losing the questions around it.
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <lectern/questions/moodlexml.h>

using namespace Lectern::Questions;
using namespace Qt::StringLiterals;

namespace Lectern::Questions {

// QCOMPARE prints questions and errors as their JSON.
char *toString(const Question &question)
{
    return qstrdup(QJsonDocument(toJson(question)).toJson(QJsonDocument::Compact).constData());
}

char *toString(const ParseError &error)
{
    return qstrdup(QStringLiteral("line %1: %2")
                       .arg(QString::number(error.line), error.message)
                       .toUtf8()
                       .constData());
}

} // namespace Lectern::Questions

Q_DECLARE_METATYPE(Lectern::Questions::Question)

namespace {

// Shaped like an export from Moodle 4.x: the elements Lectern does not keep (penalty, hidden,
// hints, combined feedback, units, essay options...) are there to be skipped.
constexpr char moodleExport[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Chemistry</text>
    </category>
    <info format="moodle_auto_format">
      <text>Questions on chemistry.</text>
    </info>
    <idnumber></idnumber>
  </question>

<!-- question: 101  -->
  <question type="multichoice">
    <name>
      <text>Water</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>What is the formula of <b>water</b>?</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Two hydrogens & one oxygen.</p>]]></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <showstandardinstruction>0</showstandardinstruction>
    <correctfeedback format="html">
      <text>Your answer is correct.</text>
    </correctfeedback>
    <partiallycorrectfeedback format="html">
      <text>Your answer is partially correct.</text>
    </partiallycorrectfeedback>
    <incorrectfeedback format="html">
      <text>Your answer is incorrect.</text>
    </incorrectfeedback>
    <shownumcorrect/>
    <answer fraction="100" format="html">
      <text><![CDATA[<p>H<sub>2</sub>O</p>]]></text>
      <feedback format="html">
        <text>Right.</text>
      </feedback>
    </answer>
    <answer fraction="0" format="html">
      <text><![CDATA[<p>CO<sub>2</sub></p>]]></text>
      <feedback format="html">
        <text>That is carbon dioxide.</text>
      </feedback>
    </answer>
    <hint format="html">
      <text>Think of the H.</text>
    </hint>
  </question>

<!-- question: 102  -->
  <question type="multichoice">
    <name>
      <text>Noble gases</text>
    </name>
    <questiontext format="moodle_auto_format">
      <text>Which of these are noble gases?</text>
    </questiontext>
    <generalfeedback format="moodle_auto_format">
      <text></text>
    </generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <single>false</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <showstandardinstruction>1</showstandardinstruction>
    <answer fraction="50" format="moodle_auto_format">
      <text>Helium</text>
      <feedback format="moodle_auto_format">
        <text></text>
      </feedback>
    </answer>
    <answer fraction="50" format="moodle_auto_format">
      <text>Neon</text>
      <feedback format="moodle_auto_format">
        <text></text>
      </feedback>
    </answer>
    <answer fraction="-33.33333" format="moodle_auto_format">
      <text>Oxygen</text>
      <feedback format="moodle_auto_format">
        <text>Oxygen reacts with almost everything.</text>
      </feedback>
    </answer>
    <answer fraction="-66.66667" format="moodle_auto_format">
      <text>Fluorine</text>
      <feedback format="moodle_auto_format">
        <text></text>
      </feedback>
    </answer>
  </question>

<!-- question: 103  -->
  <question type="truefalse">
    <name>
      <text>Boiling point</text>
    </name>
    <questiontext format="html">
      <text>&lt;p&gt;Water boils at 100&#160;&#176;C at sea level.&lt;/p&gt;</text>
    </questiontext>
    <generalfeedback format="html">
      <text></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>1.0000000</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <answer fraction="100" format="moodle_auto_format">
      <text>true</text>
      <feedback format="html">
        <text>Yes, at 1 atm.</text>
      </feedback>
    </answer>
    <answer fraction="0" format="moodle_auto_format">
      <text>false</text>
      <feedback format="html">
        <text></text>
      </feedback>
    </answer>
  </question>

<!-- question: 104  -->
  <question type="shortanswer">
    <name>
      <text>Symbol of gold</text>
    </name>
    <questiontext format="plain_text">
      <text>What is the chemical symbol of gold?</text>
    </questiontext>
    <generalfeedback format="plain_text">
      <text>From the Latin "aurum".</text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <usecase>1</usecase>
    <answer fraction="100" format="moodle_auto_format">
      <text>Au</text>
      <feedback format="html">
        <text>Correct.</text>
      </feedback>
    </answer>
    <answer fraction="0" format="moodle_auto_format">
      <text>*</text>
      <feedback format="html">
        <text><![CDATA[No: <i>Au</i>, from aurum.]]></text>
      </feedback>
    </answer>
  </question>

<!-- question: 105  -->
  <question type="numerical">
    <name>
      <text>Carbon</text>
    </name>
    <questiontext format="markdown">
      <text>What is the atomic number of **carbon**?</text>
    </questiontext>
    <generalfeedback format="markdown">
      <text></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <answer fraction="100" format="moodle_auto_format">
      <text>6</text>
      <feedback format="html">
        <text></text>
      </feedback>
      <tolerance>0</tolerance>
    </answer>
    <answer fraction="50" format="moodle_auto_format">
      <text>6</text>
      <feedback format="html">
        <text>Close.</text>
      </feedback>
      <tolerance>1.5</tolerance>
    </answer>
    <units>
      <unit>
        <multiplier>1</multiplier>
        <unit_name>protons</unit_name>
      </unit>
    </units>
    <unitgradingtype>0</unitgradingtype>
    <unitpenalty>0.1000000</unitpenalty>
    <showunits>3</showunits>
    <unitsleft>0</unitsleft>
  </question>

<!-- question: 106  -->
  <question type="matching">
    <name>
      <text>Elements and symbols</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Match each element with its symbol.</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <shuffleanswers>true</shuffleanswers>
    <correctfeedback format="html">
      <text>Your answer is correct.</text>
    </correctfeedback>
    <partiallycorrectfeedback format="html">
      <text>Your answer is partially correct.</text>
    </partiallycorrectfeedback>
    <incorrectfeedback format="html">
      <text>Your answer is incorrect.</text>
    </incorrectfeedback>
    <shownumcorrect/>
    <subquestion format="html">
      <text><![CDATA[<p>Iron</p>]]></text>
      <answer>
        <text>Fe</text>
      </answer>
    </subquestion>
    <subquestion format="html">
      <text><![CDATA[<p>Sodium</p>]]></text>
      <answer>
        <text>Na</text>
      </answer>
    </subquestion>
    <subquestion format="html">
      <text></text>
      <answer>
        <text>Ir</text>
      </answer>
    </subquestion>
  </question>

<!-- question: 107  -->
  <question type="essay">
    <name>
      <text>Bonds</text>
    </name>
    <questiontext format="moodle_auto_format">
      <text>Explain the difference between ionic and covalent bonds.</text>
    </questiontext>
    <generalfeedback format="moodle_auto_format">
      <text>Electrons move in one and are shared in the other.</text>
    </generalfeedback>
    <defaultgrade>10.0000000</defaultgrade>
    <penalty>0.0000000</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <responseformat>editor</responseformat>
    <responserequired>1</responserequired>
    <responsefieldlines>15</responsefieldlines>
    <minwordlimit></minwordlimit>
    <maxwordlimit></maxwordlimit>
    <attachments>0</attachments>
    <attachmentsrequired>0</attachmentsrequired>
    <maxbytes>0</maxbytes>
    <filetypeslist></filetypeslist>
    <graderinfo format="html">
      <text></text>
    </graderinfo>
    <responsetemplate format="html">
      <text></text>
    </responsetemplate>
  </question>

<!-- question: 108  -->
  <question type="description">
    <name>
      <text>Safety</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Wear goggles in the lab.</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text></text>
    </generalfeedback>
    <defaultgrade>0.0000000</defaultgrade>
    <penalty>0.0000000</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
  </question>

<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Chemistry/Atoms</text>
    </category>
    <info format="moodle_auto_format">
      <text></text>
    </info>
    <idnumber></idnumber>
  </question>

<!-- question: 109  -->
  <question type="cloze">
    <name>
      <text>Water cloze</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Water is {1:SHORTANSWER:=hydrogen} and {1:MULTICHOICE:=oxygen~carbon}.</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text></text>
    </generalfeedback>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
  </question>

<!-- question: 110  -->
  <question type="ordering">
    <name>
      <text>Atomic numbers</text>
    </name>
    <questiontext format="html">
      <text>Put these elements in order of atomic number.</text>
    </questiontext>
    <generalfeedback format="html">
      <text></text>
    </generalfeedback>
    <defaultgrade>1</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <layouttype>VERTICAL</layouttype>
    <selecttype>ALL</selecttype>
    <selectcount>0</selectcount>
    <gradingtype>ABSOLUTE_POSITION</gradingtype>
    <showgrading>SHOW</showgrading>
    <numberingstyle>none</numberingstyle>
    <correctfeedback format="html">
      <text>Well done!</text>
    </correctfeedback>
    <partiallycorrectfeedback format="html">
      <text>Parts, but only parts, of your response are correct.</text>
    </partiallycorrectfeedback>
    <incorrectfeedback format="html">
      <text>That is not right at all.</text>
    </incorrectfeedback>
    <shownumcorrect>1</shownumcorrect>
    <answer fraction="1.0000000" format="html">
      <text>Hydrogen</text>
    </answer>
    <answer fraction="2.0000000" format="html">
      <text>Helium</text>
    </answer>
    <answer fraction="3.0000000" format="html">
      <text>Lithium</text>
    </answer>
  </question>

</quiz>
)";

// The line of the `n`th <question> start tag in `xml`, counting from 0.
int questionLine(const QByteArray &xml, int n)
{
    static const QRegularExpression tag(u"<question[ >]"_s);
    const QString text = QString::fromUtf8(xml);
    QRegularExpressionMatchIterator tags = tag.globalMatch(text);
    for (int i = 0; i < n; ++i)
        tags.next();
    return int(text.left(tags.next().capturedStart()).count(u'\n')) + 1;
}

// Questions in a file of their own, shaped like Moodle's.
QByteArray quiz(const QByteArray &questions)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + questions + "</quiz>\n";
}

// A question that reads without a problem, to stand around the one a test is about.
QByteArray trueFalseXml(const QByteArray &name)
{
    return R"(  <question type="truefalse">
    <name>
      <text>)"
        + name + R"(</text>
    </name>
    <questiontext format="moodle_auto_format">
      <text>The sun is a star.</text>
    </questiontext>
    <answer fraction="100">
      <text>true</text>
    </answer>
    <answer fraction="0">
      <text>false</text>
    </answer>
  </question>
)";
}

QList<Question> withoutLines(QList<Question> questions)
{
    for (Question &question : questions)
        question.line = 0;
    return questions;
}

QStringList names(const QList<Question> &questions)
{
    QStringList result;
    for (const Question &question : questions)
        result.append(question.name);
    return result;
}

} // namespace

class tst_MoodleXml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEachType_data();
    void readsEachType();
    void readsTheWholeExport();
    void readsCategories();
    void readsVariants_data();
    void readsVariants();
    void roundTrip_data();
    void roundTrip();
    void roundTripOfAFile();
    void writesMoodleShape();
    void writesPercentages_data();
    void writesPercentages();
    void writesFormats_data();
    void writesFormats();
    void reportsUnknownType_data();
    void reportsUnknownType();
    void skipsIncompleteQuestion_data();
    void skipsIncompleteQuestion();
    void reportsMalformedXml_data();
    void reportsMalformedXml();
    void jsonHasTheContractFields();
};

void tst_MoodleXml::readsEachType_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<Question>("expected");

    const QByteArray xml(moodleExport);
    const QString chemistry = u"$course$/top/Chemistry"_s;
    const QString atoms = u"$course$/top/Chemistry/Atoms"_s;

    QTest::newRow("multichoice, one answer")
        << 0
        << Question {
               .type = Type::MultiChoice,
               .name = u"Water"_s,
               .text = u"<p>What is the formula of <b>water</b>?</p>"_s,
               .textFormat = u"html"_s,
               .category = chemistry,
               .generalFeedback = u"<p>Two hydrogens & one oxygen.</p>"_s,
               .answers = {{u"<p>H<sub>2</sub>O</p>"_s, 1, u"Right."_s, {}},
                           {u"<p>CO<sub>2</sub></p>"_s, 0, u"That is carbon dioxide."_s, {}}},
               .single = true,
               .line = questionLine(xml, 1),
           };
    QTest::newRow("multichoice, several answers")
        << 1
        << Question {
               .type = Type::MultiChoice,
               .name = u"Noble gases"_s,
               .text = u"Which of these are noble gases?"_s,
               .textFormat = u"moodle"_s,
               .category = chemistry,
               .answers
               = {{u"Helium"_s, 0.5, {}, {}},
                  {u"Neon"_s, 0.5, {}, {}},
                  {u"Oxygen"_s, -0.3333333, u"Oxygen reacts with almost everything."_s, {}},
                  {u"Fluorine"_s, -0.6666667, {}, {}}},
               .single = false,
               .defaultMark = 2,
               .line = questionLine(xml, 2),
           };
    QTest::newRow("truefalse, entities decoded")
        << 2
        << Question {
               .type = Type::TrueFalse,
               .name = u"Boiling point"_s,
               .text = u"<p>Water boils at 100\u00a0\u00b0C at sea level.</p>"_s,
               .textFormat = u"html"_s,
               .category = chemistry,
               .answers = {{u"true"_s, 1, u"Yes, at 1 atm."_s, {}}, {u"false"_s, 0, {}, {}}},
               .line = questionLine(xml, 3),
           };
    QTest::newRow("shortanswer, case sensitive")
        << 3
        << Question {
               .type = Type::ShortAnswer,
               .name = u"Symbol of gold"_s,
               .text = u"What is the chemical symbol of gold?"_s,
               .textFormat = u"plain"_s,
               .category = chemistry,
               .generalFeedback = u"From the Latin \"aurum\"."_s,
               .answers = {{u"Au"_s, 1, u"Correct."_s, {}},
                           {u"*"_s, 0, u"No: <i>Au</i>, from aurum."_s, {}}},
               .caseSensitive = true,
               .line = questionLine(xml, 4),
           };
    QTest::newRow("numerical, tolerances")
        << 4
        << Question {
               .type = Type::Numerical,
               .name = u"Carbon"_s,
               .text = u"What is the atomic number of **carbon**?"_s,
               .textFormat = u"markdown"_s,
               .category = chemistry,
               .answers = {{u"6"_s, 1, {}, 0.0}, {u"6"_s, 0.5, u"Close."_s, 1.5}},
               .line = questionLine(xml, 5),
           };
    QTest::newRow("matching, with a distractor")
        << 5
        << Question {
               .type = Type::Matching,
               .name = u"Elements and symbols"_s,
               .text = u"<p>Match each element with its symbol.</p>"_s,
               .textFormat = u"html"_s,
               .category = chemistry,
               .subquestions
               = {{u"<p>Iron</p>"_s, u"Fe"_s}, {u"<p>Sodium</p>"_s, u"Na"_s}, {QString(), u"Ir"_s}},
               .line = questionLine(xml, 6),
           };
    QTest::newRow("essay") << 6
                           << Question {
                                  .type = Type::Essay,
                                  .name = u"Bonds"_s,
                                  .text
                                  = u"Explain the difference between ionic and covalent bonds."_s,
                                  .textFormat = u"moodle"_s,
                                  .category = chemistry,
                                  .generalFeedback
                                  = u"Electrons move in one and are shared in the other."_s,
                                  .defaultMark = 10,
                                  .line = questionLine(xml, 7),
                              };
    QTest::newRow("description") << 7
                                 << Question {
                                        .type = Type::Description,
                                        .name = u"Safety"_s,
                                        .text = u"<p>Wear goggles in the lab.</p>"_s,
                                        .textFormat = u"html"_s,
                                        .category = chemistry,
                                        .defaultMark = 0,
                                        .line = questionLine(xml, 8),
                                    };
    QTest::newRow("cloze, text kept as written")
        << 8
        << Question {
               .type = Type::MultiAnswer,
               .name = u"Water cloze"_s,
               .text = u"<p>Water is {1:SHORTANSWER:=hydrogen} and "
                       "{1:MULTICHOICE:=oxygen~carbon}.</p>"_s,
               .textFormat = u"html"_s,
               .category = atoms,
               .line = questionLine(xml, 10),
           };
    QTest::newRow("ordering, answers in their order")
        << 9
        << Question {
               .type = Type::Ordering,
               .name = u"Atomic numbers"_s,
               .text = u"Put these elements in order of atomic number."_s,
               .textFormat = u"html"_s,
               .category = atoms,
               .answers
               = {{u"Hydrogen"_s, 1, {}, {}}, {u"Helium"_s, 1, {}, {}}, {u"Lithium"_s, 1, {}, {}}},
               .line = questionLine(xml, 11),
           };
}

void tst_MoodleXml::readsEachType()
{
    QFETCH(int, index);
    QFETCH(Question, expected);

    const ParseResult result = MoodleXml::read(QByteArray(moodleExport));
    QVERIFY(index < result.questions.size());
    QCOMPARE(result.questions.at(index), expected);
}

void tst_MoodleXml::readsTheWholeExport()
{
    const ParseResult result = MoodleXml::read(QByteArray(moodleExport));
    QCOMPARE(result.errors, QList<ParseError>());
    QCOMPARE(names(result.questions),
             QStringList({u"Water"_s, u"Noble gases"_s, u"Boiling point"_s, u"Symbol of gold"_s,
                          u"Carbon"_s, u"Elements and symbols"_s, u"Bonds"_s, u"Safety"_s,
                          u"Water cloze"_s, u"Atomic numbers"_s}));
}

void tst_MoodleXml::readsCategories()
{
    const QByteArray xml = quiz(trueFalseXml("Before") + R"(  <question type="category">
    <category>
      <text>$course$/top/A</text>
    </category>
  </question>
)" + trueFalseXml("In A") + trueFalseXml("Also in A")
                                + R"(  <question type="category">
    <category>
      <text>$course$/top/A/B</text>
    </category>
  </question>
)" + trueFalseXml("In B"));

    const ParseResult result = MoodleXml::read(xml);
    QCOMPARE(result.errors, QList<ParseError>());
    QCOMPARE(names(result.questions),
             QStringList({u"Before"_s, u"In A"_s, u"Also in A"_s, u"In B"_s}));
    QVERIFY(!result.questions.at(0).category);
    QCOMPARE(result.questions.at(1).category.value_or(QString()), u"$course$/top/A"_s);
    QCOMPARE(result.questions.at(2).category.value_or(QString()), u"$course$/top/A"_s);
    QCOMPARE(result.questions.at(3).category.value_or(QString()), u"$course$/top/A/B"_s);
}

// What Moodle itself accepts beside its own export: other names, old files, missing parts.
void tst_MoodleXml::readsVariants_data()
{
    QTest::addColumn<QByteArray>("question");
    QTest::addColumn<Question>("expected");

    const Question trueFalse {
        .type = Type::TrueFalse,
        .name = u"Sun"_s,
        .text = u"The sun is a star."_s,
        .answers = {{u"true"_s, 1, {}, {}}, {u"false"_s, 0, {}, {}}},
    };
    // A multiple-choice question with `single` between its text and its answers.
    const auto choice = [](const char *single) -> QByteArray {
        return R"(<question type="multichoice">
    <name><text>Pick</text></name>
    <questiontext format="moodle_auto_format"><text>Pick one.</text></questiontext>
    )" + QByteArray(single)
            + R"(
    <answer fraction="100"><text>A</text></answer>
    <answer fraction="0"><text>B</text></answer>
  </question>
)";
    };
    Question multichoice {
        .type = Type::MultiChoice,
        .name = u"Pick"_s,
        .text = u"Pick one."_s,
        .answers = {{u"A"_s, 1, {}, {}}, {u"B"_s, 0, {}, {}}},
    };
    QTest::newRow("single 1") << choice("<single>1</single>") << multichoice;
    QTest::newRow("no single: one answer") << choice("") << multichoice;
    multichoice.single = false;
    QTest::newRow("single 0") << choice("<single>0</single>") << multichoice;
    QTest::newRow("single false") << choice("<single>false</single>") << multichoice;

    QTest::newRow("true/false named in the site's language")
        << QByteArray(R"(<question type="truefalse">
    <name><text>Sun</text></name>
    <questiontext format="moodle_auto_format"><text>The sun is a star.</text></questiontext>
    <answer fraction="100"><text>Wahr</text></answer>
    <answer fraction="0"><text>Falsch</text></answer>
  </question>
)") << trueFalse;

    QTest::newRow("old answers without <text>") << QByteArray(R"(<question type="truefalse">
    <name><text>Sun</text></name>
    <questiontext format="moodle_auto_format"><text>The sun is a star.</text></questiontext>
    <answer fraction="100">true</answer>
    <answer fraction="0">false</answer>
  </question>
)") << trueFalse;

    Question shortAnswer {
        .type = Type::ShortAnswer,
        .name = u"Capital"_s,
        .text = u"The capital of France?"_s,
        .answers = {{u"Paris"_s, 1, {}, {}}},
    };
    // A short-answer question with `usecase` between its text and its answer.
    const auto shortAnswerXml = [](const char *usecase) -> QByteArray {
        return R"(<question type="shortanswer">
    <name><text>Capital</text></name>
    <questiontext format="moodle_auto_format"><text>The capital of France?</text></questiontext>
    )" + QByteArray(usecase)
            + R"(
    <answer fraction="100"><text>Paris</text></answer>
  </question>
)";
    };
    QTest::newRow("usecase 0") << shortAnswerXml("<usecase>0</usecase>") << shortAnswer;
    shortAnswer.caseSensitive = true;
    QTest::newRow("usecase 1") << shortAnswerXml("<usecase>1</usecase>") << shortAnswer;

    const QByteArray match = R"(<question type="match">
    <name><text>Pairs</text></name>
    <questiontext format="html"><text>Match.</text></questiontext>
    <subquestion><text>1</text><answer><text>one</text></answer></subquestion>
  </question>
)";
    const Question pairs {
        .type = Type::Matching,
        .name = u"Pairs"_s,
        .text = u"Match."_s,
        .textFormat = u"html"_s,
        .subquestions = {{u"1"_s, u"one"_s}},
    };
    QTest::newRow("match for matching") << match << pairs;

    const QByteArray multianswer = R"(<question type="multianswer">
    <name><text>Gap</text></name>
    <questiontext format="html"><text>A {1:SHORTANSWER:=gap}.</text></questiontext>
  </question>
)";
    const Question gap {
        .type = Type::MultiAnswer,
        .name = u"Gap"_s,
        .text = u"A {1:SHORTANSWER:=gap}."_s,
        .textFormat = u"html"_s,
    };
    QTest::newRow("multianswer for cloze") << multianswer << gap;

    const QByteArray description = R"(<question type="description">
    <name><text>Note</text></name>
    <questiontext format="plain_text"><text>Read this.</text></questiontext>
  </question>
)";
    const Question note {
        .type = Type::Description,
        .name = u"Note"_s,
        .text = u"Read this."_s,
        .textFormat = u"plain"_s,
        .defaultMark = 0,
    };
    QTest::newRow("description without a grade") << description << note;

    const QByteArray numerical = R"(<question type="numerical">
    <name><text>Two</text></name>
    <questiontext format="moodle_auto_format"><text>1 + 1?</text></questiontext>
    <answer fraction="100"><text>2</text></answer>
  </question>
)";
    const Question two {
        .type = Type::Numerical,
        .name = u"Two"_s,
        .text = u"1 + 1?"_s,
        .answers = {{u"2"_s, 1, {}, std::nullopt}},
    };
    QTest::newRow("numerical without tolerance") << numerical << two;

    // Moodle reads a missing or unknown format as HTML, and its old wiki texts became Markdown.
    const std::pair<const char *, const char *> formats[]
        = {{"", "html"}, {" format=\"wiki_like\"", "markdown"}, {" format=\"unknown\"", "html"}};
    for (const auto &[format, expected] : formats) {
        const QByteArray essay = "<question type=\"essay\">\n"
                                 "    <name><text>Essay</text></name>\n"
                                 "    <questiontext"
            + QByteArray(format) + "><text>Write.</text></questiontext>\n  </question>\n";
        const Question write {
            .type = Type::Essay,
            .name = u"Essay"_s,
            .text = u"Write."_s,
            .textFormat = QString::fromLatin1(expected),
        };
        QTest::addRow("text format%s", format) << essay << write;
    }
}

void tst_MoodleXml::readsVariants()
{
    QFETCH(QByteArray, question);
    QFETCH(Question, expected);

    const ParseResult result = MoodleXml::read(quiz("  " + question));
    QCOMPARE(result.errors, QList<ParseError>());
    QCOMPARE(withoutLines(result.questions), QList<Question>({expected}));
}

void tst_MoodleXml::roundTrip_data()
{
    QTest::addColumn<Question>("question");

    const QString category = u"$course$/top/Chemistry/Atoms"_s;
    QTest::newRow("multichoice, one answer") << Question {
        .type = Type::MultiChoice,
        .name = u"Water"_s,
        .text = u"<p>What is the formula of <b>water</b>?</p>"_s,
        .textFormat = u"html"_s,
        .category = category,
        .generalFeedback = u"<p>Two hydrogens & one oxygen.</p>"_s,
        .answers = {{u"H<sub>2</sub>O"_s, 1, u"Right."_s, {}},
                    {u"CO<sub>2</sub>"_s, 0, u"That is <i>carbon dioxide</i>."_s, {}}},
        .defaultMark = 1.5,
    };
    QTest::newRow("multichoice, several answers") << Question {
        .type = Type::MultiChoice,
        .name = u"Noble gases"_s,
        .text = u"Which are noble gases?"_s,
        .answers = {{u"Helium"_s, 0.5, {}, {}},
                    {u"Neon"_s, 0.5, {}, {}},
                    {u"Oxygen"_s, -0.3333333, u"No."_s, {}},
                    {u"Fluorine"_s, -0.6666667, {}, {}},
                    {u"Nitrogen"_s, -0.1428571, {}, {}}},
        .single = false,
    };
    QTest::newRow("truefalse") << Question {
        .type = Type::TrueFalse,
        .name = u"Boiling point"_s,
        .text = u"Water boils at 100 \u00b0C at sea level."_s,
        .category = category,
        .generalFeedback = u"At 1 atm."_s,
        .answers = {{u"true"_s, 0, u"It does not."_s, {}}, {u"false"_s, 1, u"Right."_s, {}}},
    };
    QTest::newRow("shortanswer") << Question {
        .type = Type::ShortAnswer,
        .name = u"Symbol of gold"_s,
        .text = u"What is the chemical symbol of gold?"_s,
        .textFormat = u"plain"_s,
        .answers = {{u"Au"_s, 1, {}, {}}, {u"A*"_s, 0.25, u"Almost."_s, {}}},
        .caseSensitive = true,
    };
    QTest::newRow("numerical") << Question {
        .type = Type::Numerical,
        .name = u"Pi"_s,
        .text = u"What is **pi**?"_s,
        .textFormat = u"markdown"_s,
        .answers = {{u"3.14159"_s, 1, {}, 0.00001},
                    {u"3"_s, 0.1, u"Roughly."_s, 0.2},
                    {u"*"_s, 0, u"No."_s, std::nullopt}},
        .defaultMark = 0.1,
    };
    QTest::newRow("matching") << Question {
        .type = Type::Matching,
        .name = u"Elements and symbols"_s,
        .text = u"Match each element with its symbol."_s,
        .subquestions = {{u"<p>Iron</p>"_s, u"Fe"_s}, {u"Sodium"_s, u"Na"_s}, {{}, u"Ir"_s}},
    };
    QTest::newRow("essay") << Question {
        .type = Type::Essay,
        .name = u"Bonds"_s,
        .text = u"Explain ionic & covalent bonds."_s,
        .category = category,
        .generalFeedback = u"Electrons move in one and are shared in the other."_s,
        .defaultMark = 10,
    };
    QTest::newRow("description") << Question {
        .type = Type::Description,
        .name = u"Safety"_s,
        .text = u"<p>Wear goggles.</p>"_s,
        .textFormat = u"html"_s,
        .defaultMark = 0,
    };
    QTest::newRow("cloze") << Question {
        .type = Type::MultiAnswer,
        .name = u"Water cloze"_s,
        .text = u"Water is {1:SHORTANSWER:=hydrogen} and {1:MULTICHOICE:=oxygen~carbon}."_s,
        .textFormat = u"html"_s,
        .defaultMark = 2,
    };
    QTest::newRow("ordering") << Question {
        .type = Type::Ordering,
        .name = u"Atomic numbers"_s,
        .text = u"Put these in order of atomic number."_s,
        .category = category,
        .answers = {{u"Hydrogen"_s, 1, {}, {}},
                    {u"Helium"_s, 1, u"Second."_s, {}},
                    {u"Lithium"_s, 1, {}, {}}},
    };
    QTest::newRow("text that ends a CDATA section") << Question {
        .type = Type::Essay,
        .name = u"a[b[0]]>1 & 'quotes'"_s,
        .text = u"<p>if (a[b[0]]> 1) { return \"x\"; }</p>"_s,
        .textFormat = u"html"_s,
    };
    QTest::newRow("non-ASCII text") << Question {
        .type = Type::ShortAnswer,
        .name = u"Straße"_s,
        .text = u"Wie heißt die Hauptstadt von Österreich? 日本語"_s,
        .answers = {{u"Wien"_s, 1, u"Genau ✓"_s, {}}},
    };
}

void tst_MoodleXml::roundTrip()
{
    QFETCH(Question, question);

    const ParseResult result = MoodleXml::read(MoodleXml::write({question}));
    QCOMPARE(result.errors, QList<ParseError>());
    QCOMPARE(withoutLines(result.questions), QList<Question>({question}));
}

void tst_MoodleXml::roundTripOfAFile()
{
    QList<Question> questions = withoutLines(MoodleXml::read(QByteArray(moodleExport)).questions);
    QCOMPARE(questions.size(), 10);
    const QByteArray xml = MoodleXml::write(questions);

    const ParseResult result = MoodleXml::read(xml);
    QCOMPARE(result.errors, QList<ParseError>());
    QCOMPARE(withoutLines(result.questions), questions);
    // One category question where the category changes, none for the same category again.
    QCOMPARE(xml.count("<question type=\"category\">"), 2);
}

void tst_MoodleXml::writesMoodleShape()
{
    const QList<Question> questions {
        {.type = Type::Description, .name = u"No category"_s, .text = u"First."_s},
        {.type = Type::MultiChoice,
         .name = u"Pick"_s,
         .text = u"<p>Pick</p>"_s,
         .textFormat = u"html"_s,
         .category = u"$course$/top/A"_s,
         .answers = {{u"Yes"_s, 1, {}, {}}, {u"No"_s, 0, {}, {}}}},
        {.type = Type::MultiAnswer,
         .name = u"Gap"_s,
         .text = u"A {1:SHORTANSWER:=gap}."_s,
         .category = u"$course$/top/A"_s},
        {.type = Type::Matching,
         .name = u"Pairs"_s,
         .text = u"Match."_s,
         .category = u"$course$/top/B"_s,
         .subquestions = {{u"1"_s, u"one"_s}}},
    };
    const QByteArray xml = MoodleXml::write(questions);

    QVERIFY2(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"),
             xml.constData());
    QVERIFY2(xml.trimmed().endsWith("</quiz>"), xml.constData());
    QCOMPARE(xml.count("<question type=\"category\">"), 2);
    QVERIFY(xml.indexOf("<text>$course$/top/A</text>") < xml.indexOf("<text>Pick</text>"));
    QVERIFY(xml.indexOf("<text>No category</text>") < xml.indexOf("type=\"category\""));
    QVERIFY2(xml.contains("<questiontext format=\"html\">\n      <text><![CDATA[<p>Pick</p>]]>"
                          "</text>"),
             xml.constData());
    QVERIFY2(xml.contains("<text>First.</text>"), xml.constData());
    QVERIFY2(xml.contains("<single>true</single>"), xml.constData());
    QVERIFY2(xml.contains("<question type=\"cloze\">"), xml.constData());
    QVERIFY2(xml.contains("<question type=\"matching\">"), xml.constData());
    QVERIFY2(xml.contains("<subquestion>\n      <text>1</text>\n      <answer>\n        "
                          "<text>one</text>\n      </answer>\n    </subquestion>"),
             xml.constData());
}

void tst_MoodleXml::writesPercentages_data()
{
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QByteArray>("attribute");

    QTest::newRow("full") << 1.0 << QByteArray("100");
    QTest::newRow("half") << 0.5 << QByteArray("50");
    QTest::newRow("none") << 0.0 << QByteArray("0");
    QTest::newRow("minus a third (Moodle's)") << -0.3333333 << QByteArray("-33.33333");
    QTest::newRow("two thirds (Moodle's)") << 0.6666667 << QByteArray("66.66667");
    QTest::newRow("a tenth") << 0.1 << QByteArray("10");
    QTest::newRow("a seventh (Moodle's)") << 0.1428571 << QByteArray("14.28571");
    QTest::newRow("a third, exactly: 7 decimals") << 1.0 / 3 << QByteArray("33.3333333");
    QTest::newRow("minus all") << -1.0 << QByteArray("-100");
}

void tst_MoodleXml::writesPercentages()
{
    QFETCH(double, fraction);
    QFETCH(QByteArray, attribute);

    const Question question {
        .type = Type::MultiChoice,
        .name = u"Q"_s,
        .text = u"Q?"_s,
        .answers = {{u"A"_s, fraction, {}, {}}},
        .single = false,
    };
    const QByteArray xml = MoodleXml::write({question});
    QVERIFY2(xml.contains(QByteArray("<answer fraction=\"" + attribute + "\">")), xml.constData());
}

void tst_MoodleXml::writesFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("attribute");

    QTest::newRow("moodle") << u"moodle"_s << QByteArray("moodle_auto_format");
    QTest::newRow("html") << u"html"_s << QByteArray("html");
    QTest::newRow("plain") << u"plain"_s << QByteArray("plain_text");
    QTest::newRow("markdown") << u"markdown"_s << QByteArray("markdown");
}

void tst_MoodleXml::writesFormats()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, attribute);

    const Question question {
        .type = Type::Essay,
        .name = u"Q"_s,
        .text = u"Q?"_s,
        .textFormat = format,
    };
    const QByteArray xml = MoodleXml::write({question});
    QVERIFY2(xml.contains(QByteArray("<questiontext format=\"" + attribute + "\">")),
             xml.constData());
    QVERIFY2(xml.contains(QByteArray("<generalfeedback format=\"" + attribute + "\">")),
             xml.constData());
    QCOMPARE(MoodleXml::read(xml).questions.value(0).textFormat, format);
}

void tst_MoodleXml::reportsUnknownType_data()
{
    QTest::addColumn<QByteArray>("type");

    // Types Moodle exports that Lectern has no model for.
    QTest::newRow("calculated") << QByteArray("calculated");
    QTest::newRow("calculatedmulti") << QByteArray("calculatedmulti");
    QTest::newRow("ddwtos") << QByteArray("ddwtos");
    QTest::newRow("gapselect") << QByteArray("gapselect");
    QTest::newRow("randomsamatch") << QByteArray("randomsamatch");
}

void tst_MoodleXml::reportsUnknownType()
{
    QFETCH(QByteArray, type);

    const QByteArray xml = quiz(trueFalseXml("First") + R"(  <question type=")" + type + R"(">
    <name>
      <text>Area of a circle</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>What is the area of a circle of radius {r}?</p>]]></text>
    </questiontext>
    <defaultgrade>1.0000000</defaultgrade>
    <answer fraction="100">
      <text>{r}*{r}*pi()</text>
      <tolerance>0.01</tolerance>
    </answer>
    <dataset_definitions>
      <dataset_definition>
        <status><text>private</text></status>
        <name><text>r</text></name>
      </dataset_definition>
    </dataset_definitions>
  </question>
)" + trueFalseXml("Last"));

    const ParseResult result = MoodleXml::read(xml);
    QCOMPARE(names(result.questions), QStringList({u"First"_s, u"Last"_s}));
    QCOMPARE(result.errors,
             QList<ParseError>({{questionLine(xml, 1),
                                 u"The question \"Area of a circle\" has the type \"%1\", which "
                                 "cannot be imported."_s.arg(QString::fromLatin1(type))}}));
}

void tst_MoodleXml::skipsIncompleteQuestion_data()
{
    QTest::addColumn<QByteArray>("question");
    QTest::addColumn<QString>("message");

    QTest::newRow("no type") << QByteArray(R"(<question>
    <name><text>Untyped</text></name>
    <questiontext><text>Text.</text></questiontext>
  </question>
)") << u"The question \"Untyped\" has no type."_s;
    QTest::newRow("no name") << QByteArray(R"(<question type="essay">
    <questiontext><text>Text.</text></questiontext>
  </question>
)") << u"A question has no name."_s;
    QTest::newRow("empty name") << QByteArray(R"(<question type="essay">
    <name><text>  </text></name>
    <questiontext><text>Text.</text></questiontext>
  </question>
)") << u"A question has no name."_s;
    QTest::newRow("no text") << QByteArray(R"(<question type="essay">
    <name><text>Silent</text></name>
  </question>
)") << u"The question \"Silent\" has no text."_s;
    QTest::newRow("multichoice without answers") << QByteArray(R"(<question type="multichoice">
    <name><text>Choiceless</text></name>
    <questiontext><text>Pick one.</text></questiontext>
    <single>true</single>
  </question>
)") << u"The question \"Choiceless\" has no answers."_s;
    QTest::newRow("matching without subquestions") << QByteArray(R"(<question type="matching">
    <name><text>Pairless</text></name>
    <questiontext><text>Match.</text></questiontext>
  </question>
)") << u"The matching question \"Pairless\" has no subquestions."_s;
    QTest::newRow("grade not a number") << QByteArray(R"(<question type="shortanswer">
    <name><text>Graded</text></name>
    <questiontext><text>Say it.</text></questiontext>
    <answer fraction="full"><text>it</text></answer>
  </question>
)") << u"The question \"Graded\" has an answer whose grade is not a percentage: \"full\"."_s;
    QTest::newRow("grade over 100%") << QByteArray(R"(<question type="shortanswer">
    <name><text>Generous</text></name>
    <questiontext><text>Say it.</text></questiontext>
    <answer fraction="150"><text>it</text></answer>
  </question>
)") << u"The question \"Generous\" has an answer graded 150%, outside -100% to 100%."_s;
    QTest::newRow("default grade not a number") << QByteArray(R"(<question type="essay">
    <name><text>Marked</text></name>
    <questiontext><text>Write.</text></questiontext>
    <defaultgrade>ten</defaultgrade>
  </question>
)") << u"The question \"Marked\" has a default grade that is not a number: \"ten\"."_s;
    QTest::newRow("tolerance not a number") << QByteArray(R"(<question type="numerical">
    <name><text>Loose</text></name>
    <questiontext><text>1 + 1?</text></questiontext>
    <answer fraction="100"><text>2</text><tolerance>some</tolerance></answer>
  </question>
)") << u"The question \"Loose\" has an answer whose tolerance is not a number: \"some\"."_s;
    QTest::newRow("category without a path") << QByteArray(R"(<question type="category">
    <category><text></text></category>
  </question>
)") << u"A category question has no category path."_s;
}

void tst_MoodleXml::skipsIncompleteQuestion()
{
    QFETCH(QByteArray, question);
    QFETCH(QString, message);

    const QByteArray xml = quiz(trueFalseXml("First") + "  " + question + trueFalseXml("Last"));
    const ParseResult result = MoodleXml::read(xml);
    QCOMPARE(names(result.questions), QStringList({u"First"_s, u"Last"_s}));
    QCOMPARE(result.errors, QList<ParseError>({{questionLine(xml, 1), message}}));
}

void tst_MoodleXml::reportsMalformedXml_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QStringList>("questions");
    QTest::addColumn<QString>("message");

    const QString notWellFormed = u"The file is not well-formed XML: "_s;
    const QStringList first {u"Good"_s};
    // Lines 3 to 16; the broken question starts on line 17.
    const QByteArray good = trueFalseXml("Good");

    const QByteArray mismatched = quiz(good + R"(  <question type="essay">
    <name>
      <text>Broken</text>
    </nam>
    <questiontext><text>Never read.</text></questiontext>
  </question>
)");
    QTest::newRow("mismatched tag") << mismatched << 20 << first << notWellFormed;

    const QByteArray ampersand = quiz(good + R"(  <question type="essay">
    <name>
      <text>Salt & pepper</text>
    </name>
  </question>
)");
    QTest::newRow("bare ampersand") << ampersand << 19 << first << notWellFormed;

    const QByteArray entity = quiz(good + R"(  <question type="essay">
    <name>
      <text>A&nbsp;B</text>
    </name>
  </question>
)");
    QTest::newRow("HTML entity outside CDATA") << entity << 19 << first << notWellFormed;

    // The file ends in the middle of a question.
    const QByteArray cut = quiz(good).replace("</quiz>\n",
                                              "  <question type=\"essay\">\n"
                                              "    <name>\n"
                                              "      <text>Cut</text>");
    QTest::newRow("cut short") << cut << 19 << first << notWellFormed;

    const QByteArray twoRoots = quiz(good) + "<quiz>\n" + good + "</quiz>\n";
    QTest::newRow("second root") << twoRoots << 18 << first << notWellFormed;

    QTest::newRow("empty file") << QByteArray() << 1 << QStringList() << notWellFormed;

    const QByteArray notQuiz = "<?xml version=\"1.0\"?>\n<questions>\n"
                               "  <question type=\"essay\"/>\n</questions>\n";
    QTest::newRow("not a quiz")
        << notQuiz << 2 << QStringList()
        << u"This is not a Moodle XML file: it starts with <questions> instead of <quiz>."_s;
}

void tst_MoodleXml::reportsMalformedXml()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, line);
    QFETCH(QStringList, questions);
    QFETCH(QString, message);

    const ParseResult result = MoodleXml::read(xml);
    QCOMPARE(names(result.questions), questions);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.at(0).line, line);
    QVERIFY2(result.errors.at(0).message.startsWith(message),
             qPrintable(result.errors.at(0).message));
}

void tst_MoodleXml::jsonHasTheContractFields()
{
    QList<Question> questions = MoodleXml::read(QByteArray(moodleExport)).questions;
    questions.prepend(MoodleXml::read(quiz(trueFalseXml("Uncategorised"))).questions.value(0));
    QCOMPARE(questions.size(), 11);

    for (const Question &question : questions) {
        const QJsonObject json = toJson(question);
        const QString type = json.value(u"type").toString();
        QVERIFY2(typeFromName(type).has_value(), qPrintable(type));
        QVERIFY(json.value(u"single").isBool());
        QCOMPARE(json.value(u"name").toString(), question.name);
        QCOMPARE(json.value(u"text").toString(), question.text);
        QVERIFY(json.value(u"category").isString() || json.value(u"category").isNull());
        QVERIFY(json.value(u"answers").isArray());
        for (const QJsonValue &answer : json.value(u"answers").toArray()) {
            const QJsonObject a = answer.toObject();
            QVERIFY(a.value(u"text").isString());
            QVERIFY(a.value(u"fraction").isDouble());
            QVERIFY(a.value(u"feedback").isString());
            QCOMPARE(a.contains(u"tolerance"), question.type == Type::Numerical);
        }
        QCOMPARE(json.contains(u"subquestions"), question.type == Type::Matching);
    }

    const QJsonObject uncategorised = toJson(questions.at(0));
    QVERIFY(uncategorised.value(u"category").isNull());
    QCOMPARE(uncategorised.value(u"type").toString(), u"truefalse"_s);

    const QJsonObject water = toJson(questions.at(1));
    QCOMPARE(water.value(u"category").toString(), u"$course$/top/Chemistry"_s);
    QCOMPARE(water.value(u"single").toBool(), true);
    QCOMPARE(water.value(u"answers").toArray().at(0).toObject().value(u"fraction").toDouble(), 1.0);

    const QJsonObject nobleGases = toJson(questions.at(2));
    QCOMPARE(nobleGases.value(u"single").toBool(), false);
    QCOMPARE(nobleGases.value(u"answers").toArray().at(2).toObject(),
             QJsonObject({{u"text"_s, u"Oxygen"_s},
                          {u"fraction"_s, -0.3333333},
                          {u"feedback"_s, u"Oxygen reacts with almost everything."_s}}));

    const QJsonObject carbon = toJson(questions.at(5));
    QCOMPARE(carbon.value(u"type").toString(), u"numerical"_s);
    QCOMPARE(carbon.value(u"answers").toArray().at(1).toObject(),
             QJsonObject({{u"text"_s, u"6"_s},
                          {u"fraction"_s, 0.5},
                          {u"feedback"_s, u"Close."_s},
                          {u"tolerance"_s, 1.5}}));

    const QJsonObject matching = toJson(questions.at(6));
    QCOMPARE(matching.value(u"subquestions").toArray().at(2).toObject(),
             QJsonObject({{u"text"_s, QString()}, {u"answer"_s, u"Ir"_s}}));

    QCOMPARE(toJson(questions.at(9)).value(u"type").toString(), u"multianswer"_s);
    QCOMPARE(toJson(questions.at(9)).value(u"answers").toArray().size(), 0);
}

QTEST_GUILESS_MAIN(tst_MoodleXml)
#include "tst_moodlexml.moc"
