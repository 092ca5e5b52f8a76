#include "question.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Lectern::Questions {

namespace {
struct TypeNameEntry
{
    Type type;
    const char *name;
};
constexpr TypeNameEntry typeNames[] = {
    {Type::MultiChoice, "multichoice"}, {Type::TrueFalse, "truefalse"},
    {Type::ShortAnswer, "shortanswer"}, {Type::Numerical, "numerical"},
    {Type::Matching, "matching"},       {Type::Essay, "essay"},
    {Type::Description, "description"}, {Type::MultiAnswer, "multianswer"},
    {Type::Ordering, "ordering"},
};
} // namespace

QString typeName(Type type)
{
    for (const TypeNameEntry &entry : typeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<Type> typeFromName(QStringView name)
{
    for (const TypeNameEntry &entry : typeNames) {
        if (name == QLatin1StringView(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

QJsonObject toJson(const Question &question)
{
    QJsonArray answers;
    for (const Answer &answer : question.answers) {
        QJsonObject a {
            {QStringLiteral("text"), answer.text},
            {QStringLiteral("fraction"), answer.fraction},
            {QStringLiteral("feedback"), answer.feedback},
        };
        if (question.type == Type::Numerical)
            a.insert(QStringLiteral("tolerance"), answer.tolerance.value_or(0));
        answers.append(a);
    }
    QJsonObject json {
        {QStringLiteral("type"), typeName(question.type)},
        {QStringLiteral("single"), question.single},
        {QStringLiteral("name"), question.name},
        {QStringLiteral("text"), question.text},
        {QStringLiteral("format"), question.textFormat},
        {QStringLiteral("category"),
         question.category ? QJsonValue(*question.category) : QJsonValue()},
        {QStringLiteral("generalFeedback"), question.generalFeedback},
        {QStringLiteral("answers"), answers},
        {QStringLiteral("defaultMark"), question.defaultMark},
        {QStringLiteral("line"), question.line},
    };
    if (question.type == Type::Matching) {
        QJsonArray subquestions;
        for (const SubQuestion &sub : question.subquestions)
            subquestions.append(QJsonObject {{QStringLiteral("text"), sub.text},
                                             {QStringLiteral("answer"), sub.answer}});
        json.insert(QStringLiteral("subquestions"), subquestions);
    }
    if (question.type == Type::ShortAnswer)
        json.insert(QStringLiteral("caseSensitive"), question.caseSensitive);
    return json;
}

QJsonObject toJson(const ParseResult &result)
{
    QJsonArray questions;
    for (const Question &question : result.questions)
        questions.append(toJson(question));
    QJsonArray errors;
    for (const ParseError &error : result.errors)
        errors.append(QJsonObject {{QStringLiteral("line"), error.line},
                                   {QStringLiteral("message"), error.message}});
    return {{QStringLiteral("questions"), questions}, {QStringLiteral("errors"), errors}};
}

QString defaultName(const QString &text)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString plain = QString(text).remove(tags).simplified();
    constexpr int limit = 80;
    if (plain.size() <= limit)
        return plain;
    int cut = plain.lastIndexOf(u' ', limit);
    if (cut <= 0)
        cut = limit;
    return plain.left(cut) + QStringLiteral("...");
}

} // namespace Lectern::Questions
