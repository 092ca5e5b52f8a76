#include "gift.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>

namespace Lectern::Questions::Gift {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Questions::Gift)
};

// Escaped control characters stand in for themselves while the structure is read, as private-use
// characters no file contains; they become the plain characters in the texts.
struct Escape
{
    const char *escaped;
    QChar placeholder;
    QChar plain;
};
const Escape escapes[] = {
    {"\\\\", QChar(0xE000), u'\\'}, {"\\~", QChar(0xE001), u'~'}, {"\\=", QChar(0xE002), u'='},
    {"\\#", QChar(0xE003), u'#'},   {"\\{", QChar(0xE004), u'{'}, {"\\}", QChar(0xE005), u'}'},
    {"\\:", QChar(0xE006), u':'},
};

QString hideEscapes(QString text)
{
    for (const Escape &e : escapes)
        text.replace(QLatin1StringView(e.escaped), QString(e.placeholder));
    return text.replace(QLatin1StringView("\\n"), QStringLiteral("\n"));
}

QString showEscapes(QString text)
{
    for (const Escape &e : escapes)
        text.replace(e.placeholder, e.plain);
    return text;
}

// "[markdown]text" -> ("text", "markdown"); without a marker, `fallback`.
std::pair<QString, QString> withFormat(const QString &text, const QString &fallback)
{
    static const QRegularExpression marker(
        QStringLiteral("^\\s*\\[(html|moodle|plain|markdown)\\](.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = marker.match(text);
    if (m.hasMatch())
        return {showEscapes(m.captured(2).trimmed()), m.captured(1)};
    return {showEscapes(text.trimmed()), fallback};
}

// "answer#feedback" -> (answer, feedback).
std::pair<QString, QString> withFeedback(const QString &answer, const QString &format)
{
    const qsizetype hash = answer.indexOf(u'#');
    if (hash < 0)
        return {withFormat(answer, format).first, QString()};
    return {withFormat(answer.left(hash), format).first,
            withFormat(answer.mid(hash + 1), format).first};
}

// "%50%text" -> (0.5, "text"); without a weight, (`fallback`, text).
std::pair<double, QString> withWeight(const QString &answer, double fallback, bool *bad)
{
    static const QRegularExpression weight(QStringLiteral("^%(-?[0-9]*\\.?[0-9]*)%"));
    const QRegularExpressionMatch m = weight.match(answer);
    if (!m.hasMatch())
        return {fallback, answer};
    bool ok = false;
    const double percent = m.captured(1).toDouble(&ok);
    if (!ok || percent < -100 || percent > 100)
        *bad = true;
    return {percent / 100, answer.mid(m.capturedLength())};
}

// Splits at `separator`, dropping an empty first part (the text before the first answer).
QStringList answerParts(const QString &answers, QChar separator)
{
    QStringList parts = answers.split(separator);
    if (!parts.isEmpty() && parts.first().trimmed().isEmpty())
        parts.removeFirst();
    return parts;
}

struct Block
{
    int line = 0;
    QString text;
};

// Questions are separated by blank lines; "//" lines are comments wherever they are.
QList<Block> blocksOf(const QString &file)
{
    QList<Block> blocks;
    Block current;
    const QStringList lines = QString(file).remove(QChar(0xFEFF)).split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            if (!current.text.isEmpty())
                blocks.append(current);
            current = {};
            continue;
        }
        if (trimmed.startsWith(QLatin1StringView("//")))
            continue;
        if (current.text.isEmpty())
            current.line = i + 1;
        else
            current.text += u'\n';
        current.text += trimmed;
    }
    if (!current.text.isEmpty())
        blocks.append(current);
    return blocks;
}

class Reader
{
public:
    ParseResult result;

    void read(const Block &block)
    {
        m_line = block.line;
        m_name.clear();
        QString text = hideEscapes(block.text.trimmed());
        if (text.startsWith(QLatin1StringView("$CATEGORY:"))) {
            m_category = showEscapes(text.mid(10).trimmed());
            return;
        }
        Question q;
        q.line = block.line;
        q.category = m_category;
        bool named = false;
        if (text.startsWith(QLatin1StringView("::"))) {
            text = text.mid(2);
            const qsizetype end = text.indexOf(QLatin1StringView("::"));
            if (end >= 0) {
                q.name = showEscapes(text.left(end)).simplified();
                m_name = q.name;
                named = true;
                text = text.mid(end + 2).trimmed();
            }
        }

        const qsizetype open = text.indexOf(u'{');
        const qsizetype close = text.indexOf(u'}');
        const bool description = open < 0 && close < 0;
        if (!description && (open < 0 || close < 0 || close < open))
            return fail(
                Messages::tr("The braces around the answers do not match: a { without its }, or "
                             "the other way round."));
        QString answers;
        QString questionText = text;
        if (!description) {
            answers = text.mid(open + 1, close - open - 1).trimmed();
            // Text after the answers is the missing-word form: a blank where the answers were.
            const QString blank = text.endsWith(u'}') ? QString() : QStringLiteral("_____");
            questionText = text.left(open) + blank + text.mid(close + 1);
        }
        QString general;
        if (const qsizetype gf = answers.lastIndexOf(QLatin1StringView("####")); gf >= 0) {
            general = answers.mid(gf + 4);
            answers = answers.left(gf).trimmed();
        }
        std::tie(q.text, q.textFormat)
            = withFormat(questionText, QString::fromLatin1(DefaultFormat));
        q.generalFeedback = withFormat(general, q.textFormat).first;
        if (!named)
            q.name = defaultName(q.text);

        bool ok = true;
        if (description) {
            q.type = Type::Description;
            q.defaultMark = 0;
        } else if (answers.isEmpty()) {
            q.type = Type::Essay;
        } else if (answers.startsWith(u'#')) {
            ok = numerical(q, answers.mid(1));
        } else if (answers.contains(u'~')) {
            ok = multichoice(q, answers);
        } else if (answers.contains(u'=') && answers.contains(QLatin1StringView("->"))) {
            ok = matching(q, answers);
        } else if (isTrueFalse(answers)) {
            trueFalse(q, answers);
        } else {
            ok = shortAnswer(q, answers);
        }
        if (ok)
            result.questions.append(q);
    }

private:
    void fail(const QString &message)
    {
        result.errors.append({m_line,
                              m_name.isEmpty()
                                  ? message
                                  : Messages::tr("Question \"%1\": %2").arg(m_name, message)});
    }

    bool multichoice(Question &q, const QString &answers)
    {
        q.type = Type::MultiChoice;
        // One answer with full credit marked "=": choose one. Only weights: choose several.
        q.single = answers.contains(u'=');
        const QStringList parts
            = answerParts(QString(answers).replace(u'=', QStringLiteral("~=")), u'~');
        if (parts.size() < 2) {
            fail(Messages::tr("A multiple-choice question needs at least two answers."));
            return false;
        }
        for (const QString &part : parts) {
            if (!addAnswer(q, part, 0))
                return false;
        }
        return true;
    }

    // One answer, "[=|%50%]text[#feedback]", added to `q`; `unweighted` is the credit of one
    // without a mark. False (with the error said) when its weight is not a percentage.
    bool addAnswer(Question &q, const QString &part, double unweighted)
    {
        QString answer = part.trimmed();
        double fraction = unweighted;
        bool bad = false;
        if (answer.startsWith(u'=')) {
            fraction = 1;
            answer = answer.mid(1);
        } else {
            std::tie(fraction, answer) = withWeight(answer, unweighted, &bad);
        }
        if (bad) {
            fail(Messages::tr("An answer's weight must be a percentage from -100 to 100, such as "
                              "%50%."));
            return false;
        }
        const auto [text, feedback] = withFeedback(answer, q.textFormat);
        q.answers.append({text, fraction, feedback, std::nullopt});
        return true;
    }

    bool matching(Question &q, const QString &answers)
    {
        q.type = Type::Matching;
        const QStringList parts = answerParts(answers, u'=');
        if (parts.size() < 2) {
            fail(Messages::tr("A matching question needs at least two pairs."));
            return false;
        }
        for (const QString &part : parts) {
            const qsizetype arrow = part.indexOf(QLatin1StringView("->"));
            if (arrow < 0) {
                fail(Messages::tr(
                    "Each pair of a matching question is written \"=question -> answer\"."));
                return false;
            }
            q.subquestions.append({withFormat(part.left(arrow), q.textFormat).first,
                                   showEscapes(part.mid(arrow + 2).trimmed())});
        }
        return true;
    }

    static bool isTrueFalse(const QString &answers)
    {
        const qsizetype hash = answers.indexOf(u'#');
        const QString word = (hash > 0 ? answers.left(hash) : answers).trimmed();
        return word == u"T" || word == u"TRUE" || word == u"F" || word == u"FALSE";
    }

    // "TRUE#feedback when wrong#feedback when right".
    static void trueFalse(Question &q, const QString &answers)
    {
        q.type = Type::TrueFalse;
        const QStringList parts = answers.split(u'#');
        const QString word = parts.value(0).trimmed();
        const bool isTrue = word == u"T" || word == u"TRUE";
        const QString wrong = withFormat(parts.value(1), q.textFormat).first;
        const QString right = withFormat(parts.value(2), q.textFormat).first;
        q.answers = {{QStringLiteral("true"), isTrue ? 1.0 : 0.0, isTrue ? right : wrong, {}},
                     {QStringLiteral("false"), isTrue ? 0.0 : 1.0, isTrue ? wrong : right, {}}};
    }

    bool shortAnswer(Question &q, const QString &answers)
    {
        q.type = Type::ShortAnswer;
        const QStringList parts = answerParts(answers, u'=');
        if (parts.isEmpty()) {
            fail(Messages::tr("A short-answer question needs at least one answer."));
            return false;
        }
        for (const QString &part : parts) {
            if (!addAnswer(q, part, 1))
                return false;
        }
        return true;
    }

    // "3.14:0.01", "3.141..3.142" or "1822", each "=%50%..." and "#feedback", and "~#feedback"
    // for every other answer.
    bool numerical(Question &q, QString answers)
    {
        q.type = Type::Numerical;
        QString otherwise;
        if (const qsizetype tilde = answers.indexOf(u'~'); tilde >= 0) {
            otherwise = answers.mid(tilde + 1);
            answers = answers.left(tilde);
        }
        const QStringList parts = answerParts(answers, u'=');
        if (parts.isEmpty()) {
            fail(Messages::tr("A numerical question needs at least one number."));
            return false;
        }
        for (const QString &part : parts) {
            bool bad = false;
            const auto [fraction, weighted] = withWeight(part.trimmed(), 1, &bad);
            const auto [value, feedback] = withFeedback(weighted, q.textFormat);
            double answer = 0;
            double tolerance = 0;
            bool okAnswer = false;
            bool okTolerance = true;
            if (const qsizetype range = value.indexOf(QLatin1StringView("..")); range > 0) {
                bool okMin = false;
                const double min = value.left(range).trimmed().toDouble(&okMin);
                const double max = value.mid(range + 2).trimmed().toDouble(&okTolerance);
                okAnswer = okMin;
                answer = (min + max) / 2;
                // 3.141..3.142 is 3.1415 within 0.0005, not 0.00050000000000017.
                tolerance = QString::number(max - answer, 'g', 12).toDouble();
            } else if (const qsizetype colon = value.indexOf(u':'); colon > 0) {
                answer = value.left(colon).trimmed().toDouble(&okAnswer);
                tolerance = value.mid(colon + 1).trimmed().toDouble(&okTolerance);
            } else {
                answer = value.trimmed().toDouble(&okAnswer);
            }
            if (bad || !okAnswer || !okTolerance || !std::isfinite(answer)
                || !std::isfinite(tolerance)) {
                fail(Messages::tr("\"%1\" is not a number, a number:tolerance or a min..max range.")
                         .arg(value.trimmed()));
                return false;
            }
            q.answers.append(
                {QString::number(answer, 'g', 15), fraction, feedback, std::abs(tolerance)});
        }
        if (!otherwise.isEmpty())
            q.answers.append(
                {QStringLiteral("*"), 0, withFeedback(otherwise, q.textFormat).second, 0.0});
        return true;
    }

    int m_line = 0;
    QString m_name; // of the question being read, for its errors
    std::optional<QString> m_category;
};

// GIFT's reserved characters in a text, escaped (as Moodle's exporter writes them).
QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'~' || c == u'=' || c == u'#' || c == u'{' || c == u'}'
            || c == u':')
            out += u'\\';
        if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c != u'\r')
            out += c;
    }
    return out;
}

QString formatted(const QString &text, const QString &format)
{
    return format == QLatin1StringView(DefaultFormat) ? escaped(text)
                                                      : u'[' + format + u']' + escaped(text);
}

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'g', 7);
}

QString feedbackOf(const Answer &answer)
{
    return answer.feedback.isEmpty() ? QString() : u'#' + escaped(answer.feedback);
}

} // namespace

ParseResult read(const QString &text)
{
    Reader reader;
    for (const Block &block : blocksOf(text))
        reader.read(block);
    return reader.result;
}

QString write(const QList<Question> &questions, QStringList *skipped)
{
    QString out;
    std::optional<QString> category;
    for (const Question &q : questions) {
        if (q.type == Type::MultiAnswer || q.type == Type::Ordering) {
            out += QStringLiteral("// %1 \"%2\" cannot be written in GIFT\n\n")
                       .arg(typeName(q.type), QString(q.name).replace(u'\n', u' '));
            if (skipped)
                skipped->append(q.name);
            continue;
        }
        if (q.category && q.category != category)
            out += QStringLiteral("$CATEGORY: %1\n\n").arg(*q.category);
        category = q.category;
        out += QStringLiteral("::%1::%2").arg(escaped(q.name), formatted(q.text, q.textFormat));
        if (q.type == Type::Description) {
            out += QStringLiteral("\n\n");
            continue;
        }
        QString body;
        switch (q.type) {
        case Type::Essay:
            break;
        case Type::TrueFalse: {
            const Answer right = q.answers.value(q.answers.value(0).fraction >= 1 ? 0 : 1);
            const Answer wrong = q.answers.value(q.answers.value(0).fraction >= 1 ? 1 : 0);
            body = right.text == u"true" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            if (!wrong.feedback.isEmpty() || !right.feedback.isEmpty())
                body += u'#' + escaped(wrong.feedback) + u'#' + escaped(right.feedback);
            break;
        }
        case Type::MultiChoice:
            for (const Answer &a : q.answers) {
                const QString mark = q.single && a.fraction >= 1 ? QStringLiteral("=")
                    : a.fraction == 0                            ? QStringLiteral("~")
                                      : QStringLiteral("~%%1%").arg(percent(a.fraction));
                body += QStringLiteral("\n\t") + mark + escaped(a.text) + feedbackOf(a);
            }
            body += u'\n';
            break;
        case Type::ShortAnswer:
            for (const Answer &a : q.answers) {
                const QString mark = a.fraction >= 1
                    ? QStringLiteral("=")
                    : QStringLiteral("=%%1%").arg(percent(a.fraction));
                body += QStringLiteral("\n\t") + mark + escaped(a.text) + feedbackOf(a);
            }
            body += u'\n';
            break;
        case Type::Numerical: {
            body = QStringLiteral("#");
            QString otherwise;
            for (const Answer &a : q.answers) {
                if (a.text == u"*" && a.fraction == 0) {
                    otherwise = QStringLiteral("\n\t~") + u'#' + escaped(a.feedback);
                    continue;
                }
                const QString mark = a.fraction >= 1
                    ? QStringLiteral("=")
                    : QStringLiteral("=%%1%").arg(percent(a.fraction));
                body += QStringLiteral("\n\t") + mark + a.text
                    + (a.tolerance.value_or(0) != 0 ? u':' + QString::number(*a.tolerance, 'g', 15)
                                                    : QString())
                    + feedbackOf(a);
            }
            body += otherwise + u'\n';
            break;
        }
        case Type::Matching:
            for (const SubQuestion &s : q.subquestions)
                body += QStringLiteral("\n\t=") + escaped(s.text) + QStringLiteral(" -> ")
                    + escaped(s.answer);
            body += u'\n';
            break;
        default:
            break;
        }
        if (!q.generalFeedback.isEmpty())
            body += QStringLiteral("####") + escaped(q.generalFeedback);
        out += u'{' + body + QStringLiteral("}\n\n");
    }
    return out;
}

} // namespace Lectern::Questions::Gift
