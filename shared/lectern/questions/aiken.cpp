#include "aiken.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace Lectern::Questions::Aiken {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Questions::Aiken)
};

// Moodle's htmlspecialchars(..., ENT_NOQUOTES): the texts are HTML.
QString html(const QString &text)
{
    QString out = text;
    out.replace(u'&', QStringLiteral("&amp;"));
    out.replace(u'<', QStringLiteral("&lt;"));
    out.replace(u'>', QStringLiteral("&gt;"));
    return out;
}

QString plain(const QString &text)
{
    QString out = text;
    out.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    out.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    out.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return out;
}

const QRegularExpression &optionLine()
{
    static const QRegularExpression option(QStringLiteral("^([A-Z])[).][ \\t]+(.*)$"));
    return option;
}

} // namespace

ParseResult read(const QString &text)
{
    ParseResult result;
    std::optional<Question> current;
    QStringList letters;
    const auto unfinished = [&](int line) {
        result.errors.append(
            {current->line,
             Messages::tr("The question that starts here has no \"ANSWER:\" line before line %1.")
                 .arg(line)});
        current.reset();
    };
    const QStringList lines = QString(text).remove(QChar(0xFEFF)).split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QRegularExpressionMatch option = optionLine().match(line);
        if (line.startsWith(QLatin1StringView("ANSWER:"))) {
            if (!current) {
                result.errors.append(
                    {lineNumber, Messages::tr("\"ANSWER:\" without a question before it.")});
                continue;
            }
            const QString letter = line.mid(7).trimmed();
            const qsizetype right = letters.indexOf(letter);
            if (current->answers.size() < 2) {
                result.errors.append(
                    {current->line,
                     Messages::tr("A question needs at least two options, \"A) ...\" and "
                                  "\"B) ...\".")});
            } else if (right < 0) {
                result.errors.append(
                    {lineNumber,
                     Messages::tr("\"ANSWER: %1\" names no option of the question; its options "
                                  "are %2.")
                         .arg(letter, letters.join(QStringLiteral(", ")))});
            } else {
                current->answers[right].fraction = 1;
                result.questions.append(*current);
            }
            current.reset();
            letters.clear();
        } else if (option.hasMatch() && current) {
            letters.append(option.captured(1));
            current->answers.append({html(option.captured(2).trimmed()), 0, QString(), {}});
        } else if (current && !current->answers.isEmpty()) {
            // Text after the options that is neither an option nor the answer.
            unfinished(lineNumber);
            letters.clear();
            --i; // read it again as the start of a question
        } else if (current) {
            current->text += QStringLiteral("\n") + html(line);
            current->name = defaultName(current->text);
        } else {
            Question q;
            q.type = Type::MultiChoice;
            q.single = true;
            q.textFormat = QStringLiteral("html");
            q.text = html(line);
            q.name = defaultName(q.text);
            q.line = lineNumber;
            current = q;
        }
    }
    if (current)
        unfinished(int(lines.size()) + 1);
    return result;
}

QString write(const QList<Question> &questions, QStringList *skipped)
{
    QString out;
    for (const Question &q : questions) {
        const qsizetype rights = std::count_if(q.answers.begin(), q.answers.end(),
                                               [](const Answer &a) { return a.fraction >= 1; });
        if (q.type != Type::MultiChoice || rights != 1 || q.answers.size() < 2
            || q.answers.size() > 26) {
            if (skipped)
                skipped->append(q.name);
            continue;
        }
        const auto oneLine = [&](const QString &text) {
            const QString words = q.textFormat == u"html" ? plain(text) : text;
            return QString(words).replace(u'\n', u' ').simplified();
        };
        out += oneLine(q.text) + u'\n';
        QChar right;
        for (qsizetype i = 0; i < q.answers.size(); ++i) {
            const QChar letter(u'A' + int(i));
            out += QStringLiteral("%1) %2\n").arg(letter).arg(oneLine(q.answers[i].text));
            if (q.answers[i].fraction >= 1)
                right = letter;
        }
        out += QStringLiteral("ANSWER: %1\n\n").arg(right);
    }
    return out;
}

} // namespace Lectern::Questions::Aiken
