#pragma once

#include <QDateTime>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/hlc.h>
#include <lectern/jsonutil.h>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>
#include <memory>

namespace Lectern::ClientTest {

// An account's offline store filled as a sync with the server would fill it, for the Learn
// workspace's suites: courses, modules and items (by title), enrollments and progress events
// made on other devices. The SyncController has no access token, so it never talks to a server.
class LearnFixture
{
public:
    static inline const QString me = QStringLiteral("0192d4c5-e6f7-7000-8000-00000000000a");
    static inline const QString someoneElse
        = QStringLiteral("0192d4c5-e6f7-7000-8000-00000000000b");

    LearnFixture()
    {
        if (!m_dir.isValid())
            return;
        sync.start(QUrl(QStringLiteral("http://127.0.0.1:9")), me, QString(), m_dir.path());
    }
    ~LearnFixture() { sync.stop(); }

    Client::LocalStore *store() const { return sync.store(); }
    QString id(const QString &title) const { return m_ids.value(title); }

    // A date relative to now, in whole seconds (the store keeps seconds).
    static QDateTime inDays(int days)
    {
        QDateTime t = QDateTime::currentDateTimeUtc().addDays(days);
        return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), Qt::UTC);
    }

    void course(const QString &title, const QString &status = QStringLiteral("published"))
    {
        add(QStringLiteral("course"), title,
            {{QStringLiteral("code"), QString(title.left(3).toUpper() + QStringLiteral("-101"))},
             {QStringLiteral("title"), title},
             {QStringLiteral("term"), QStringLiteral("Autumn 2026")},
             {QStringLiteral("status"), status}});
    }

    void module(const QString &course, const QString &title, QJsonObject more = {})
    {
        more.insert(QStringLiteral("courseId"), id(course));
        more.insert(QStringLiteral("title"), title);
        if (!more.contains(u"published"))
            more.insert(QStringLiteral("published"), true);
        more.insert(QStringLiteral("orderKey"), nextKey(course));
        m_courseOf.insert(title, course);
        add(QStringLiteral("module"), title, more);
    }

    void item(const QString &module, const QString &title,
              const QString &type = QStringLiteral("lesson"), QJsonObject more = {})
    {
        more.insert(QStringLiteral("moduleId"), id(module));
        more.insert(QStringLiteral("courseId"), id(m_courseOf.value(module)));
        more.insert(QStringLiteral("type"), type);
        more.insert(QStringLiteral("title"), title);
        if (!more.contains(u"published"))
            more.insert(QStringLiteral("published"), true);
        if (!more.contains(u"body"))
            more.insert(QStringLiteral("body"), QStringLiteral("# %1\n\nSome text.").arg(title));
        more.insert(QStringLiteral("orderKey"), nextKey(module));
        m_courseOf.insert(title, m_courseOf.value(module));
        add(QStringLiteral("content"), title, more);
    }

    void enroll(const QString &course, const QString &role = QStringLiteral("student"),
                const QString &userId = me, const QString &status = QStringLiteral("enrolled"))
    {
        add(QStringLiteral("enrollment"), course + u'/' + userId,
            {{QStringLiteral("courseId"), id(course)},
             {QStringLiteral("userId"), userId},
             {QStringLiteral("role"), role},
             {QStringLiteral("status"), status},
             {QStringLiteral("type"), QStringLiteral("regular")}});
    }

    // A progress event that reached the server from another device (or another user).
    QString event(const QString &item, const char *kind, double position = -1, qint64 seconds = 0,
                  const QDateTime &at = inDays(-1), const QString &userId = me)
    {
        QJsonObject fields {{QStringLiteral("contentId"), id(item)},
                            {QStringLiteral("courseId"), id(m_courseOf.value(item))},
                            {QStringLiteral("userId"), userId},
                            {QStringLiteral("kind"), QString::fromLatin1(kind)},
                            {QStringLiteral("at"), Json::fromDateTime(at)},
                            {QStringLiteral("seconds"), seconds}};
        if (position >= 0)
            fields.insert(QStringLiteral("position"), position);
        const QString name = QStringLiteral("event %1").arg(++m_events);
        add(QStringLiteral("progress"), name, fields);
        return id(name);
    }

    // Stores what was added since the last pull, as one pulled page.
    [[nodiscard]] bool pull()
    {
        Sync::PullPage page;
        page.changes = m_changes;
        page.cursor = m_seq;
        m_changes.clear();
        return bool(store()->applyPulled(page));
    }

    Client::SyncController sync;

private:
    void add(const QString &entity, const QString &name, QJsonObject fields)
    {
        const QString id = m_ids.value(name, createUuidV7String());
        m_ids.insert(name, id);
        Sync::Change c;
        c.seq = ++m_seq;
        c.entity = entity;
        c.entityId = id;
        c.rev = 1;
        Hlc hlc;
        hlc.wallMs = QDateTime::currentMSecsSinceEpoch() - 10 * 60 * 1000;
        hlc.node = QStringLiteral("server");
        c.hlc = hlc.toString();
        fields.insert(QStringLiteral("id"), id);
        fields.insert(QStringLiteral("rev"), 1);
        c.fields = fields;
        m_changes.append(c);
    }

    QString nextKey(const QString &parent)
    {
        const QString previous = m_lastKey.value(parent);
        const QString key = OrderKey::between(previous, QString());
        m_lastKey.insert(parent, key);
        return key;
    }

    QTemporaryDir m_dir;
    QHash<QString, QString> m_ids;      // title -> id
    QHash<QString, QString> m_courseOf; // module or item title -> course title
    QHash<QString, QString> m_lastKey;  // parent title -> last order key given
    QList<Sync::Change> m_changes;
    qint64 m_seq = 0;
    int m_events = 0;
};

} // namespace Lectern::ClientTest
