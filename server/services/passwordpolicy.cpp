#include "passwordpolicy.h"

#include <QFile>
#include <QSet>

namespace Lectern::Server {

namespace {
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = [] {
        QSet<QString> words;
        QFile file(QStringLiteral(":/lectern/common-passwords.txt"));
        if (!file.open(QIODevice::ReadOnly))
            return words;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty() && !line.startsWith(u'#'))
                words.insert(line.toLower());
        }
        return words;
    }();
    return list;
}

// The word inside "P@ssw0rd2024!": digits, symbols and spaces off both ends, look-alike
// characters read as the letters they stand for, lower case.
QString coreWord(const QString &password)
{
    qsizetype start = 0;
    qsizetype end = password.size();
    while (start < end && !password.at(start).isLetter() && password.at(start) != u'@'
           && password.at(start) != u'$')
        ++start;
    while (end > start && !password.at(end - 1).isLetter())
        --end;
    QString core = password.mid(start, end - start).toLower();
    static const QHash<QChar, QChar> lookAlike = {
        {u'0', u'o'}, {u'1', u'i'}, {u'3', u'e'}, {u'4', u'a'},
        {u'5', u's'}, {u'7', u't'}, {u'@', u'a'}, {u'$', u's'},
    };
    for (QChar &c : core)
        c = lookAlike.value(c, c);
    return core;
}

// 12345678, abcdefgh, 87654321, or a short piece repeated: abababab, 123123123.
bool isPattern(const QString &password)
{
    const QString p = password.toLower();
    const auto runs = [&p](int step) {
        for (qsizetype i = 1; i < p.size(); ++i) {
            if (p.at(i).unicode() != p.at(i - 1).unicode() + step)
                return false;
        }
        return true;
    };
    if (runs(1) || runs(-1))
        return true;
    for (qsizetype period = 2; period <= 4 && period * 2 <= p.size(); ++period) {
        bool repeats = true;
        for (qsizetype i = period; i < p.size() && repeats; ++i)
            repeats = p.at(i) == p.at(i - period);
        if (repeats)
            return true;
    }
    return false;
}

bool isPersonal(const QString &password, const PasswordPolicy::Account &account)
{
    const QString lower = password.toLower();
    const QString core = coreWord(password);
    const QString email = account.email.trimmed().toLower();
    const QString local = email.section(u'@', 0, 0);
    QStringList words;
    if (!email.isEmpty())
        words << email << local;
    QString name = account.name.trimmed().toLower();
    if (!name.isEmpty()) {
        words << QString(name).remove(u' ');
        for (const QString &part : name.split(u' ', Qt::SkipEmptyParts)) {
            if (part.size() >= 4)
                words << part;
        }
    }
    for (const QString &word : std::as_const(words)) {
        if (word.size() >= 3 && (lower == word || core == word))
            return true;
    }
    return !email.isEmpty() && lower.contains(email);
}
} // namespace

bool PasswordPolicy::isCommon(const QString &password)
{
    const QSet<QString> &list = commonPasswords();
    const QString core = coreWord(password);
    return list.contains(password.toLower()) || list.contains(password.trimmed().toLower())
        || (!core.isEmpty() && list.contains(core)) || core == u"lectern";
}

QString PasswordPolicy::weakness(const QString &password, const Account &account)
{
    const int minLength = qMax(Validation::minPasswordLength, account.minLength);
    if (password.size() < minLength)
        return QStringLiteral("too_short");
    if (password.size() > Validation::maxPasswordLength)
        return QStringLiteral("too_long");
    if (password.count(password.at(0)) == password.size())
        return QStringLiteral("one_character");
    if (isPattern(password))
        return QStringLiteral("pattern");
    if (isCommon(password))
        return QStringLiteral("common");
    if (isPersonal(password, account))
        return QStringLiteral("personal");
    return {};
}

QString PasswordPolicy::check(ValidationErrors &errors, const QString &field,
                              const QString &password, const Account &account)
{
    const QString why = weakness(password, account);
    const int minLength = qMax(Validation::minPasswordLength, account.minLength);
    if (why == u"too_short")
        errors.add(field, tr("must be at least %n characters", nullptr, minLength));
    else if (why == u"too_long")
        errors.add(field,
                   tr("must be at most %n characters", nullptr, Validation::maxPasswordLength));
    else if (why == u"one_character")
        errors.add(field, tr("must not be one character repeated"));
    else if (why == u"pattern")
        errors.add(field, tr("must not be a simple run or repetition such as 12345678"));
    else if (why == u"common")
        errors.add(field, tr("is one of the most common passwords; choose another"));
    else if (why == u"personal")
        errors.add(field, tr("must not be your email address or name"));
    return why;
}

Error PasswordPolicy::toError(const ValidationErrors &errors, const QString &weakness)
{
    Error error = errors.toError();
    if (!weakness.isEmpty())
        error.details.insert(QStringLiteral("weakPassword"), weakness);
    return error;
}

} // namespace Lectern::Server
