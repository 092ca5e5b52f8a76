#include "moodlexml.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Lectern::Questions::MoodleXml {

namespace {

// Moodle's names for the text formats, beside ours.
struct FormatName
{
    QLatin1StringView moodle;
    QLatin1StringView ours;
};
constexpr FormatName formatNames[] = {
    {"moodle_auto_format"_L1, "moodle"_L1},
    {"html"_L1, "html"_L1},
    {"plain_text"_L1, "plain"_L1},
    {"markdown"_L1, "markdown"_L1},
};

QString formatFromMoodle(QStringView name)
{
    name = name.trimmed();
    for (const FormatName &format : formatNames) {
        if (name == format.moodle)
            return format.ours;
    }
    // Moodle turned its old wiki texts into Markdown, and reads any other name (or none) as HTML.
    return name == u"wiki_like" ? u"markdown"_s : u"html"_s;
}

QString formatToMoodle(const QString &format)
{
    for (const FormatName &entry : formatNames) {
        if (format == entry.ours)
            return entry.moodle;
    }
    return formatNames[0].moodle;
}

std::optional<double> toNumber(QStringView text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// The shortest text that reads back as the same number.
QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// As Moodle writes a fraction: a percentage without trailing zeros (100, 50, -33.33333).
QString percentage(double fraction)
{
    QString text = QString::number(fraction * 100, 'f', 7);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text == u"-0" ? u"0"_s : text;
}

// A percentage is read as "<percentage>e-2" so that the decimal is rounded once: "-33.33333"
// gives the very double -0.3333333 does, where dividing by 100 can be a bit off and spoil the
// round trip. Moodle reads a missing fraction as 0.
std::optional<double> fractionFromPercentage(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return 0.0;
    const std::optional<double> percent = toNumber(text);
    if (!percent)
        return std::nullopt;
    if (text.contains(u'e', Qt::CaseInsensitive))
        return *percent / 100;
    return toNumber(QString(text.toString() + "e-2"_L1));
}

// A <question> as written, before its type says what the parts mean.
struct RawAnswer
{
    QString text;
    QString fraction;
    QString feedback;
    std::optional<QString> tolerance;
};

struct RawQuestion
{
    QString type;
    int line = 0;
    QString name;
    QString text;
    QString format;
    QString generalFeedback;
    std::optional<QString> defaultGrade;
    std::optional<QString> single;
    QString useCase;
    QString category;
    QList<RawAnswer> answers;
    QList<SubQuestion> subquestions;
};

bool takesAnswers(Type type)
{
    switch (type) {
    case Type::MultiChoice:
    case Type::TrueFalse:
    case Type::ShortAnswer:
    case Type::Numerical:
    case Type::Ordering:
        return true;
    case Type::Matching:
    case Type::Essay:
    case Type::Description:
    case Type::MultiAnswer:
        return false;
    }
    return false;
}

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Questions::MoodleXml)

public:
    explicit Reader(const QByteArray &xml)
        : m_xml(xml)
    { }

    ParseResult read()
    {
        if (m_xml.readNextStartElement()) {
            if (m_xml.name() != u"quiz") {
                m_result.errors.append(
                    {int(m_xml.lineNumber()),
                     tr("This is not a Moodle XML file: it starts with <%1> instead of <quiz>.")
                         .arg(m_xml.name())});
                return m_result;
            }
            readChildren([this](QStringView name) {
                if (name == u"question")
                    readQuestion();
                else
                    m_xml.skipCurrentElement();
            });
            // Whatever follows </quiz> must still be well-formed.
            while (!m_xml.atEnd())
                m_xml.readNext();
        }
        if (m_xml.hasError())
            m_result.errors.append(
                {int(m_xml.lineNumber()),
                 tr("The file is not well-formed XML: %1").arg(m_xml.errorString())});
        return m_result;
    }

private:
    // Reads the current element to its end tag, handing the start tag of each child to `child`,
    // which reads that child to its end; returns the element's own characters.
    template<typename Child> QString readChildren(Child child)
    {
        QString own;
        while (!m_xml.atEnd()) {
            switch (m_xml.readNext()) {
            case QXmlStreamReader::StartElement:
                child(m_xml.name());
                break;
            case QXmlStreamReader::Characters:
                own += m_xml.text();
                break;
            case QXmlStreamReader::EndElement:
                return own;
            default:
                break;
            }
        }
        return own;
    }

    // Moodle trims every value it reads.
    QString readValue()
    {
        return m_xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }

    // A Moodle text: the element's <text> child (in old files, its own characters). Other children
    // go to `other`, which reads them to their end.
    template<typename Other> QString readText(Other other)
    {
        std::optional<QString> text;
        const QString own = readChildren([&](QStringView name) {
            if (name == u"text")
                text = readValue();
            else
                other(name);
        });
        return text.value_or(own.trimmed());
    }

    // Attached <file>s are left out: the bank keeps no files.
    QString readText()
    {
        return readText([this](QStringView) { m_xml.skipCurrentElement(); });
    }

    RawAnswer readAnswer()
    {
        RawAnswer answer;
        answer.fraction = m_xml.attributes().value("fraction"_L1).toString();
        answer.text = readText([&](QStringView name) {
            if (name == u"feedback")
                answer.feedback = readText();
            else if (name == u"tolerance")
                answer.tolerance = readValue();
            else
                m_xml.skipCurrentElement();
        });
        return answer;
    }

    SubQuestion readSubQuestion()
    {
        SubQuestion sub;
        sub.text = readText([&](QStringView name) {
            if (name == u"answer")
                sub.answer = readText();
            else
                m_xml.skipCurrentElement();
        });
        return sub;
    }

    void readQuestion()
    {
        RawQuestion raw;
        raw.line = int(m_xml.lineNumber());
        raw.type = m_xml.attributes().value("type"_L1).trimmed().toString();
        readChildren([&](QStringView name) {
            if (name == u"name") {
                raw.name = readText();
            } else if (name == u"questiontext") {
                raw.format = m_xml.attributes().value("format"_L1).toString();
                raw.text = readText();
            } else if (name == u"generalfeedback") {
                raw.generalFeedback = readText();
            } else if (name == u"defaultgrade") {
                raw.defaultGrade = readValue();
            } else if (name == u"single") {
                raw.single = readValue();
            } else if (name == u"usecase") {
                raw.useCase = readValue();
            } else if (name == u"category") {
                raw.category = readText();
            } else if (name == u"answer") {
                raw.answers.append(readAnswer());
            } else if (name == u"subquestion") {
                raw.subquestions.append(readSubQuestion());
            } else {
                m_xml.skipCurrentElement();
            }
        });
        // A question cut short by broken XML is dropped; read() says where the XML broke.
        if (m_xml.hasError())
            return;
        QString problem;
        if (raw.type == u"category") {
            if (raw.category.isEmpty())
                problem = tr("A category question has no category path.");
            else
                m_category = raw.category;
        } else if (std::optional<Question> question = build(raw, &problem)) {
            m_result.questions.append(*question);
        }
        if (!problem.isEmpty())
            m_result.errors.append({raw.line, problem});
    }

    // The question `raw` describes, or nothing and the reason in `problem`.
    std::optional<Question> build(const RawQuestion &raw, QString *problem) const
    {
        std::optional<Type> type = typeFromName(raw.type);
        // Moodle writes "cloze" for multianswer and also reads "match" for matching.
        if (raw.type == u"cloze")
            type = Type::MultiAnswer;
        else if (raw.type == u"match")
            type = Type::Matching;
        if (raw.type.isEmpty()) {
            *problem = raw.name.isEmpty() ? tr("A question has no type.")
                                          : tr("The question \"%1\" has no type.").arg(raw.name);
            return std::nullopt;
        }
        if (!type) {
            *problem = raw.name.isEmpty()
                ? tr("A question has the type \"%1\", which cannot be imported.").arg(raw.type)
                : tr("The question \"%1\" has the type \"%2\", which cannot be imported.")
                      .arg(raw.name, raw.type);
            return std::nullopt;
        }
        if (raw.name.isEmpty()) {
            *problem = tr("A question has no name.");
            return std::nullopt;
        }
        if (raw.text.isEmpty()) {
            *problem = tr("The question \"%1\" has no text.").arg(raw.name);
            return std::nullopt;
        }

        Question q;
        q.type = *type;
        q.name = raw.name;
        q.text = raw.text;
        q.textFormat = formatFromMoodle(raw.format);
        q.category = m_category;
        q.generalFeedback = raw.generalFeedback;
        q.line = raw.line;
        if (raw.defaultGrade) {
            const std::optional<double> mark = toNumber(*raw.defaultGrade);
            if (!mark) {
                *problem = tr("The question \"%1\" has a default grade that is not a number: "
                              "\"%2\".")
                               .arg(raw.name, *raw.defaultGrade);
                return std::nullopt;
            }
            q.defaultMark = *mark;
        } else if (q.type == Type::Description) {
            q.defaultMark = 0; // Moodle's: a description is not graded
        }
        if (q.type == Type::MultiChoice && raw.single)
            q.single = !raw.single->isEmpty() && *raw.single != u"false" && *raw.single != u"0";
        if (q.type == Type::ShortAnswer)
            q.caseSensitive = raw.useCase == u"1" || raw.useCase == u"true";
        if (q.type == Type::Matching) {
            if (raw.subquestions.isEmpty()) {
                *problem = tr("The matching question \"%1\" has no subquestions.").arg(raw.name);
                return std::nullopt;
            }
            q.subquestions = raw.subquestions;
        }
        if (!takesAnswers(q.type))
            return q;

        if (raw.answers.isEmpty()) {
            *problem = tr("The question \"%1\" has no answers.").arg(raw.name);
            return std::nullopt;
        }
        for (qsizetype i = 0; i < raw.answers.size(); ++i) {
            const RawAnswer &given = raw.answers.at(i);
            Answer answer {given.text, 1, given.feedback, std::nullopt};
            // In an ordering question the order is the answer: qtype_ordering numbers the answers
            // where the other types put their grade.
            if (q.type != Type::Ordering) {
                const std::optional<double> fraction = fractionFromPercentage(given.fraction);
                if (!fraction) {
                    *problem = tr("The question \"%1\" has an answer whose grade is not a "
                                  "percentage: \"%2\".")
                                   .arg(raw.name, given.fraction);
                    return std::nullopt;
                }
                if (*fraction < -1 || *fraction > 1) {
                    *problem = tr("The question \"%1\" has an answer graded %2%, outside -100% to "
                                  "100%.")
                                   .arg(raw.name, given.fraction.trimmed());
                    return std::nullopt;
                }
                answer.fraction = *fraction;
            }
            if (q.type == Type::Numerical && given.tolerance && !given.tolerance->isEmpty()) {
                answer.tolerance = toNumber(*given.tolerance);
                if (!answer.tolerance) {
                    *problem = tr("The question \"%1\" has an answer whose tolerance is not a "
                                  "number: \"%2\".")
                                   .arg(raw.name, *given.tolerance);
                    return std::nullopt;
                }
            }
            // Old files name the answers in the site's language, true first (as Moodle reads them).
            if (q.type == Type::TrueFalse && answer.text != u"true" && answer.text != u"false")
                answer.text = i == 0 ? u"true"_s : u"false"_s;
            q.answers.append(answer);
        }
        return q;
    }

    QXmlStreamReader m_xml;
    ParseResult m_result;
    std::optional<QString> m_category;
};

// Moodle's writetext(): a text with markup characters goes in CDATA, so that HTML reads as written.
void writeText(QXmlStreamWriter &xml, const QString &text)
{
    const bool markup = std::any_of(text.begin(), text.end(), [](QChar c) {
        return c == u'<' || c == u'>' || c == u'&' || c == u'"' || c == u'\'';
    });
    xml.writeStartElement(u"text"_s);
    if (markup)
        xml.writeCDATA(text);
    else
        xml.writeCharacters(text);
    xml.writeEndElement();
}

// <tag format="..."><text>...</text></tag>; without a format, Moodle takes the question text's.
void writeField(QXmlStreamWriter &xml, const QString &tag, const QString &text,
                const QString &format = {})
{
    xml.writeStartElement(tag);
    if (!format.isEmpty())
        xml.writeAttribute(u"format"_s, format);
    writeText(xml, text);
    xml.writeEndElement();
}

void writeAnswers(QXmlStreamWriter &xml, const Question &q)
{
    for (qsizetype i = 0; i < q.answers.size(); ++i) {
        const Answer &answer = q.answers.at(i);
        xml.writeStartElement(u"answer"_s);
        xml.writeAttribute(u"fraction"_s,
                           q.type == Type::Ordering ? QString::number(i + 1)
                                                    : percentage(answer.fraction));
        writeText(xml, answer.text);
        writeField(xml, u"feedback"_s, answer.feedback);
        if (q.type == Type::Numerical && answer.tolerance)
            xml.writeTextElement(u"tolerance"_s, number(*answer.tolerance));
        xml.writeEndElement();
    }
}

void writeCategory(QXmlStreamWriter &xml, const QString &category)
{
    xml.writeStartElement(u"question"_s);
    xml.writeAttribute(u"type"_s, u"category"_s);
    writeField(xml, u"category"_s, category);
    xml.writeEndElement();
}

void writeQuestion(QXmlStreamWriter &xml, const Question &q)
{
    xml.writeStartElement(u"question"_s);
    xml.writeAttribute(u"type"_s, q.type == Type::MultiAnswer ? u"cloze"_s : typeName(q.type));
    // Moodle needs a name; it makes one from the text the same way.
    writeField(xml, u"name"_s, q.name.isEmpty() ? defaultName(q.text) : q.name);
    const QString format = formatToMoodle(q.textFormat);
    writeField(xml, u"questiontext"_s, q.text, format);
    writeField(xml, u"generalfeedback"_s, q.generalFeedback, format);
    xml.writeTextElement(u"defaultgrade"_s, number(q.defaultMark));
    switch (q.type) {
    case Type::MultiChoice:
        xml.writeTextElement(u"single"_s, q.single ? u"true"_s : u"false"_s);
        writeAnswers(xml, q);
        break;
    case Type::ShortAnswer:
        xml.writeTextElement(u"usecase"_s, q.caseSensitive ? u"1"_s : u"0"_s);
        writeAnswers(xml, q);
        break;
    case Type::TrueFalse:
    case Type::Numerical:
    case Type::Ordering:
        writeAnswers(xml, q);
        break;
    case Type::Matching:
        for (const SubQuestion &sub : q.subquestions) {
            xml.writeStartElement(u"subquestion"_s);
            writeText(xml, sub.text);
            writeField(xml, u"answer"_s, sub.answer);
            xml.writeEndElement();
        }
        break;
    case Type::Essay:
    case Type::Description:
    case Type::MultiAnswer:
        break;
    }
    xml.writeEndElement();
}

} // namespace

ParseResult read(const QByteArray &xml)
{
    return Reader(xml).read();
}

QByteArray write(const QList<Question> &questions)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(u"quiz"_s);
    std::optional<QString> category;
    for (const Question &question : questions) {
        // A category question moves the questions after it. Moodle XML cannot take a question out
        // of a category again, so one without a category stays in the last one written.
        if (question.category && question.category != category) {
            category = question.category;
            writeCategory(xml, *category);
        }
        writeQuestion(xml, question);
    }
    xml.writeEndDocument();
    return out;
}

} // namespace Lectern::Questions::MoodleXml
