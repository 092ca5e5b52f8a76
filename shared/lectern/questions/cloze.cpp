#include "cloze.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Lectern::Questions {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Questions::Cloze)
};

struct TypeEntry
{
    QLatin1StringView name;
    Type type;
    bool single;
    bool caseSensitive;
    bool shuffle;
    ClozePart::Layout layout;
};

using L = ClozePart::Layout;
// Moodle's ANSWER_TYPE_DEF_REGEX: the long names, their short forms, in capitals only.
constexpr TypeEntry types[] = {
    {"SHORTANSWER"_L1, Type::ShortAnswer, true, false, false, L::DropDown},
    {"SA"_L1, Type::ShortAnswer, true, false, false, L::DropDown},
    {"MW"_L1, Type::ShortAnswer, true, false, false, L::DropDown},
    {"SHORTANSWER_C"_L1, Type::ShortAnswer, true, true, false, L::DropDown},
    {"SAC"_L1, Type::ShortAnswer, true, true, false, L::DropDown},
    {"MWC"_L1, Type::ShortAnswer, true, true, false, L::DropDown},
    {"NUMERICAL"_L1, Type::Numerical, true, false, false, L::DropDown},
    {"NM"_L1, Type::Numerical, true, false, false, L::DropDown},
    {"MULTICHOICE"_L1, Type::MultiChoice, true, false, false, L::DropDown},
    {"MC"_L1, Type::MultiChoice, true, false, false, L::DropDown},
    {"MULTICHOICE_V"_L1, Type::MultiChoice, true, false, false, L::Vertical},
    {"MCV"_L1, Type::MultiChoice, true, false, false, L::Vertical},
    {"MULTICHOICE_H"_L1, Type::MultiChoice, true, false, false, L::Horizontal},
    {"MCH"_L1, Type::MultiChoice, true, false, false, L::Horizontal},
    {"MULTICHOICE_S"_L1, Type::MultiChoice, true, false, true, L::DropDown},
    {"MCS"_L1, Type::MultiChoice, true, false, true, L::DropDown},
    {"MULTICHOICE_VS"_L1, Type::MultiChoice, true, false, true, L::Vertical},
    {"MCVS"_L1, Type::MultiChoice, true, false, true, L::Vertical},
    {"MULTICHOICE_HS"_L1, Type::MultiChoice, true, false, true, L::Horizontal},
    {"MCHS"_L1, Type::MultiChoice, true, false, true, L::Horizontal},
    {"MULTIRESPONSE"_L1, Type::MultiChoice, false, false, false, L::Vertical},
    {"MR"_L1, Type::MultiChoice, false, false, false, L::Vertical},
    {"MULTIRESPONSE_H"_L1, Type::MultiChoice, false, false, false, L::Horizontal},
    {"MRH"_L1, Type::MultiChoice, false, false, false, L::Horizontal},
    {"MULTIRESPONSE_S"_L1, Type::MultiChoice, false, false, true, L::Vertical},
    {"MRS"_L1, Type::MultiChoice, false, false, true, L::Vertical},
    {"MULTIRESPONSE_HS"_L1, Type::MultiChoice, false, false, true, L::Horizontal},
    {"MRHS"_L1, Type::MultiChoice, false, false, true, L::Horizontal},
};

// Moodle's NUMBER_REGEX: a comma is a decimal point too.
std::optional<double> clozeNumber(const QString &text)
{
    static const QRegularExpression number(
        uR"(^-?([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?$)"_s);
    const QString trimmed = text.trimmed();
    if (!number.match(trimmed).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = QString(trimmed).replace(u',', u'.').toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// The escapes the documentation lists; any other backslash stays (a short answer's "\*" is a
// literal star for the grader).
QString unescape(QStringView text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 1 < text.size()
            && QStringView(u"}~#/\"\\").contains(text[i + 1])) {
            plain += text[++i];
            continue;
        }
        plain += text[i];
    }
    return plain;
}

// The first unescaped `separator` from `from`, or -1. A "#" after "&" belongs to an HTML entity
// such as "&#39;", as in Moodle's ANSWER_ALTERNATIVE_ANSWER_REGEX.
qsizetype findUnescaped(QStringView text, QChar separator, qsizetype from = 0)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text[i] == u'\\') {
            ++i;
            continue;
        }
        if (text[i] == separator && !(separator == u'#' && i > 0 && text[i - 1] == u'&'))
            return i;
    }
    return -1;
}

// "{", a weight that may be empty, ":": what starts a part in Moodle's ANSWER_START_REGEX.
const QRegularExpression &partStart()
{
    static const QRegularExpression start(uR"(\{([0-9]*):)"_s);
    return start;
}

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    { }

    ClozeText parse()
    {
        qsizetype from = 0;
        while (true) {
            const QRegularExpressionMatch start = partStart().match(m_text, from);
            if (!start.hasMatch())
                break;
            m_start = start.capturedStart();
            const qsizetype end = closingBrace(start.capturedEnd());
            if (end < 0) {
                fail(Messages::tr("\"%1\" is not closed with \"}\".").arg(snippet(m_start, 30)));
                from = start.capturedEnd();
                continue;
            }
            if (std::optional<ClozePart> part = read(start.captured(1), start.capturedEnd(), end))
                m_result.parts.append(*part);
            from = end + 1;
        }
        return m_result;
    }

private:
    // The "}" that ends the part whose body starts at `from`; -1 when the text or another part
    // starts first.
    qsizetype closingBrace(qsizetype from) const
    {
        for (qsizetype i = from; i < m_text.size(); ++i) {
            if (m_text[i] == u'\\') {
                ++i;
            } else if (m_text[i] == u'}') {
                return i;
            } else if (m_text[i] == u'{'
                       && partStart()
                              .match(m_text, i, QRegularExpression::NormalMatch,
                                     QRegularExpression::AnchorAtOffsetMatchOption)
                              .hasMatch()) {
                return -1;
            }
        }
        return -1;
    }

    std::optional<ClozePart> read(const QString &weight, qsizetype bodyStart, qsizetype end)
    {
        const qsizetype colon = m_text.indexOf(u':', bodyStart);
        if (colon < 0 || colon > end) {
            fail(Messages::tr("\"%1\" is not written {weight:TYPE:answers}.").arg(snippet()));
            return std::nullopt;
        }
        const QString typeName = m_text.mid(bodyStart, colon - bodyStart);
        const TypeEntry *entry = nullptr;
        for (const TypeEntry &candidate : types) {
            if (typeName == candidate.name)
                entry = &candidate;
        }
        if (!entry) {
            fail(Messages::tr("\"%1\" is not a type of embedded answer (such as SHORTANSWER, "
                              "NUMERICAL or MULTICHOICE).")
                     .arg(typeName));
            return std::nullopt;
        }

        ClozePart part;
        part.type = entry->type;
        part.single = entry->single;
        part.caseSensitive = entry->caseSensitive;
        part.shuffle = entry->shuffle;
        part.layout = entry->layout;
        part.weight = weight.isEmpty() ? 1 : weight.toDouble();
        part.start = m_start;
        part.length = end + 1 - m_start;

        QStringView body = QStringView(m_text).mid(colon + 1, end - colon - 1);
        if (body.startsWith(u'~')) // as GIFT writes them: "~=a~b"
            body = body.mid(1);
        if (body.trimmed().isEmpty()) {
            fail(Messages::tr("\"%1\" has no answers.").arg(snippet()));
            return std::nullopt;
        }
        qsizetype from = 0;
        while (from <= body.size()) {
            qsizetype tilde = findUnescaped(body, u'~', from);
            if (tilde < 0)
                tilde = body.size();
            std::optional<Answer> answer = alternative(part, body.mid(from, tilde - from));
            if (!answer)
                return std::nullopt;
            part.answers.append(*answer);
            from = tilde + 1;
        }

        // Moodle's form refuses a part that no response can get full marks for.
        double best = 0;
        double positive = 0;
        for (const Answer &answer : std::as_const(part.answers)) {
            best = qMax(best, answer.fraction);
            positive += qMax(0.0, answer.fraction);
        }
        if ((part.single && best < 1 - 1e-9) || (!part.single && positive <= 0)) {
            fail(Messages::tr("No answer of \"%1\" has full credit.").arg(snippet()));
            return std::nullopt;
        }
        return part;
    }

    // "=answer#feedback", "%50%answer#feedback" or "answer#feedback" (no credit).
    std::optional<Answer> alternative(const ClozePart &part, QStringView text)
    {
        static const QRegularExpression percent(uR"(^%(-?[0-9]+(?:[.,][0-9]*)?)%)"_s);
        Answer answer;
        if (text.startsWith(u'=')) {
            answer.fraction = 1;
            text = text.mid(1);
        } else if (const QRegularExpressionMatch m = percent.match(text); m.hasMatch()) {
            answer.fraction = m.captured(1).replace(u',', u'.').toDouble() / 100;
            if (std::abs(answer.fraction) > 1) {
                fail(Messages::tr("The credit %1 in \"%2\" is not between -100% and 100%.")
                         .arg(m.captured(0), snippet()));
                return std::nullopt;
            }
            text = text.mid(m.capturedLength());
        }
        const qsizetype hash = findUnescaped(text, u'#');
        answer.text = unescape(hash < 0 ? text : text.left(hash)).trimmed();
        if (hash >= 0)
            answer.feedback = unescape(text.mid(hash + 1)).trimmed();
        if (answer.text.isEmpty()) {
            fail(Messages::tr("\"%1\" has an empty answer.").arg(snippet()));
            return std::nullopt;
        }
        if (part.type != Type::Numerical)
            return answer;

        // "value:tolerance", or "*" for any number.
        if (answer.text == u"*") {
            answer.tolerance = 0;
            return answer;
        }
        const qsizetype colon = answer.text.indexOf(u':');
        const std::optional<double> value = clozeNumber(answer.text.left(colon));
        const std::optional<double> tolerance
            = colon < 0 ? std::optional<double>(0) : clozeNumber(answer.text.mid(colon + 1));
        if (!value || !tolerance) {
            fail(Messages::tr("\"%1\" in \"%2\" is not a number or a number:tolerance.")
                     .arg(answer.text, snippet()));
            return std::nullopt;
        }
        answer.text = QString::number(*value, 'g', 15);
        answer.tolerance = std::abs(*tolerance);
        return answer;
    }

    // The part being read as the messages quote it, cut when it is long.
    QString snippet(qsizetype start = -1, qsizetype limit = 40) const
    {
        if (start < 0)
            start = m_start;
        const qsizetype end = m_text.indexOf(u'}', start);
        QString text = m_text.mid(start, end < 0 ? -1 : end + 1 - start);
        text = text.section(u'\n', 0, 0);
        return text.size() > limit ? text.left(limit) + u"..."_s : text;
    }

    void fail(const QString &message)
    {
        const int line = int(QStringView(m_text).left(m_start).count(u'\n')) + 1;
        m_result.errors.append({line, message});
    }

    const QString &m_text;
    qsizetype m_start = 0;
    ClozeText m_result;
};

} // namespace

ClozeText parseCloze(const QString &text)
{
    return Parser(text).parse();
}

} // namespace Lectern::Questions
