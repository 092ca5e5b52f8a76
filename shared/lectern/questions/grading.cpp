#include "grading.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Lectern::Questions {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Questions::Grading)
};

void addFeedback(Grade &grade, const QString &feedback)
{
    if (!feedback.isEmpty())
        grade.feedback.append(feedback);
}

Grade multiChoice(const Question &q, const Response &r)
{
    Grade g;
    if (q.single) {
        // Moodle's radio buttons send one answer; anything else is no answer.
        if (r.choices.size() == 1 && r.choices.first() >= 0
            && r.choices.first() < q.answers.size()) {
            const Answer &answer = q.answers.at(r.choices.first());
            g.fraction = answer.fraction;
            addFeedback(g, answer.feedback);
        }
        return g;
    }
    QSet<qsizetype> seen; // a box is ticked or not: twice counts once
    double sum = 0;
    for (qsizetype index : r.choices) {
        if (index < 0 || index >= q.answers.size() || seen.contains(index))
            continue;
        seen.insert(index);
        sum += q.answers.at(index).fraction;
        addFeedback(g, q.answers.at(index).feedback);
    }
    g.fraction = std::clamp(sum, 0.0, 1.0);
    return g;
}

Grade trueFalse(const Question &q, const Response &r)
{
    Grade g;
    if (!r.truth)
        return g;
    const QString word = *r.truth ? u"true"_s : u"false"_s;
    qsizetype index = -1;
    for (qsizetype i = 0; i < q.answers.size(); ++i) {
        if (q.answers.at(i).text.trimmed().compare(word, Qt::CaseInsensitive) == 0) {
            index = i;
            break;
        }
    }
    if (index < 0)
        index = *r.truth ? 0 : 1;
    if (index < q.answers.size()) {
        g.fraction = q.answers.at(index).fraction;
        addFeedback(g, q.answers.at(index).feedback);
    }
    return g;
}

// Moodle's compare_string_with_wildcard(): runs of "*" are any text, "\*" is a star.
bool matchesWildcard(const QString &response, const QString &pattern, bool caseSensitive)
{
    QString regex;
    QString literal;
    bool star = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == u'\\' && i + 1 < pattern.size() && pattern[i + 1] == u'*') {
            literal += u'*';
            ++i;
        } else if (pattern[i] == u'*') {
            regex += QRegularExpression::escape(literal);
            literal.clear();
            if (!star)
                regex += u".*"_s;
            star = true;
            continue;
        } else {
            literal += pattern[i];
        }
        star = false;
    }
    regex += QRegularExpression::escape(literal);
    QRegularExpression::PatternOptions options = QRegularExpression::DotMatchesEverythingOption;
    if (!caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    const QRegularExpression re(QRegularExpression::anchoredPattern(regex), options);
    return re.match(response).hasMatch();
}

Grade shortAnswer(const Question &q, const Response &r)
{
    Grade g;
    // Both sides in one Unicode form, so "é" typed either way is the same letter.
    const QString response = r.text.trimmed().normalized(QString::NormalizationForm_C);
    if (response.isEmpty())
        return g;
    for (const Answer &answer : q.answers) {
        const QString pattern = answer.text.trimmed().normalized(QString::NormalizationForm_C);
        if (matchesWildcard(response, pattern, q.caseSensitive)) {
            g.fraction = answer.fraction;
            addFeedback(g, answer.feedback);
            break;
        }
    }
    return g;
}

std::optional<double> number(const QString &text)
{
    static const QRegularExpression pattern(
        uR"(^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$)"_s);
    QString plain = text.trimmed();
    if (!plain.contains(u'.') && plain.count(u',') == 1)
        plain.replace(u',', u'.');
    if (!pattern.match(plain).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = plain.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

Grade numerical(const Question &q, const Response &r)
{
    Grade g;
    const std::optional<double> value = number(r.text);
    if (!value) {
        g.feedback.append(r.text.trimmed().isEmpty()
                              ? Messages::tr("No number was given.")
                              : Messages::tr("\"%1\" is not a number.").arg(r.text.trimmed()));
        return g;
    }
    for (const Answer &answer : q.answers) {
        bool matches = answer.text.trimmed() == u"*";
        if (!matches) {
            const std::optional<double> right = number(answer.text);
            if (!right)
                continue;
            const double tolerance = std::abs(answer.tolerance.value_or(0));
            // |1.1 - 1| is 0.10000000000000009 in doubles: a response on the edge counts, as
            // Moodle's get_tolerance_interval() widens for the same reason.
            const double rounding = 1e-12 * std::max({1.0, std::abs(*value), std::abs(*right)});
            matches = std::abs(*value - *right) <= tolerance + rounding;
        }
        if (matches) {
            g.fraction = answer.fraction;
            addFeedback(g, answer.feedback);
            break;
        }
    }
    return g;
}

Grade matching(const Question &q, const Response &r)
{
    Grade g;
    qsizetype stems = 0;
    qsizetype right = 0;
    for (const SubQuestion &sub : q.subquestions) {
        if (sub.text.trimmed().isEmpty())
            continue; // a distractor: an answer nobody should choose
        if (stems < r.matches.size() && r.matches.at(stems).trimmed() == sub.answer.trimmed())
            ++right;
        ++stems;
    }
    if (stems > 0)
        g.fraction = double(right) / double(stems);
    return g;
}

Grade ordering(const Question &q, const Response &r)
{
    Grade g;
    if (q.answers.isEmpty())
        return g;
    qsizetype right = 0;
    for (qsizetype i = 0; i < q.answers.size() && i < r.choices.size(); ++i) {
        if (r.choices.at(i) == i)
            ++right;
    }
    g.fraction = double(right) / double(q.answers.size());
    return g;
}

Question partQuestion(const ClozePart &part)
{
    Question q;
    q.type = part.type;
    q.single = part.single;
    q.caseSensitive = part.caseSensitive;
    q.answers = part.answers;
    q.defaultMark = part.weight;
    return q;
}

Grade multiAnswer(const Question &q, const Response &r)
{
    Grade g;
    const ClozeText cloze = parseCloze(q.text);
    double weights = 0;
    double sum = 0;
    for (qsizetype i = 0; i < cloze.parts.size(); ++i) {
        const ClozePart &part = cloze.parts.at(i);
        Grade partGrade = grade(part, r.parts.value(i));
        weights += part.weight;
        sum += part.weight * partGrade.fraction;
        g.feedback += partGrade.feedback;
        g.parts.append(std::move(partGrade));
    }
    if (weights > 0)
        g.fraction = sum / weights;
    return g;
}

} // namespace

Grade grade(const Question &question, const Response &response)
{
    Grade g;
    switch (question.type) {
    case Type::MultiChoice:
        g = multiChoice(question, response);
        break;
    case Type::TrueFalse:
        g = trueFalse(question, response);
        break;
    case Type::ShortAnswer:
        g = shortAnswer(question, response);
        break;
    case Type::Numerical:
        g = numerical(question, response);
        break;
    case Type::Matching:
        g = matching(question, response);
        break;
    case Type::Ordering:
        g = ordering(question, response);
        break;
    case Type::MultiAnswer:
        g = multiAnswer(question, response);
        break;
    case Type::Essay:
        g.needsGrading = true;
        return g;
    case Type::Description:
        return g;
    }
    g.mark = g.fraction * question.defaultMark;
    return g;
}

Grade grade(const ClozePart &part, const Response &response)
{
    return grade(partQuestion(part), response);
}

} // namespace Lectern::Questions
