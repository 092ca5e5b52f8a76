#pragma once

// What the Author workspace suites share: an offline store with no server behind it, filled as
// a pull from the server would fill it.

#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/hlc.h>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>
#include <memory>

namespace AuthorFixture {

using namespace Lectern;
using namespace Lectern::Client;

inline const QString me = QStringLiteral("0192d4c5-e6f7-7000-8000-00000000000a");

// A SyncController on a fresh database; no access token, so the engine never talks to the
// (absent) server and every edit stays in the outbox.
struct Store
{
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    std::unique_ptr<SyncController> sync = std::make_unique<SyncController>();
    qint64 seq = 0;
    QHash<QString, QString> ids; // title -> id

    bool start()
    {
        return dir->isValid()
            && bool(sync->start(QUrl(QStringLiteral("http://127.0.0.1:9")), me, QString(),
                                dir->path()));
    }
    LocalStore *store() const { return sync->store(); }
    QString id(const QString &title) const { return ids.value(title); }

    Sync::Change change(const QString &entity, const QString &title, QJsonObject fields)
    {
        const QString id = ids.contains(title) ? ids.value(title) : createUuidV7String();
        ids.insert(title, id);
        Sync::Change c;
        c.seq = ++seq;
        c.entity = entity;
        c.entityId = id;
        c.rev = 1;
        Hlc hlc;
        hlc.wallMs = QDateTime::currentMSecsSinceEpoch() - 10 * 60 * 1000;
        hlc.node = QStringLiteral("server");
        c.hlc = hlc.toString();
        fields.insert(QStringLiteral("id"), id);
        fields.insert(QStringLiteral("rev"), 1);
        if (!fields.contains(u"title"))
            fields.insert(QStringLiteral("title"), title);
        c.fields = fields;
        return c;
    }

    // Applies the changes as one pulled page (the server's state: nothing pending).
    bool pull(const QList<Sync::Change> &changes)
    {
        Sync::PullPage page;
        page.changes = changes;
        page.cursor = seq;
        QStringList entities;
        if (!store()->applyPulled(page, &entities))
            return false;
        Q_EMIT sync->recordsChanged(entities);
        return true;
    }

    Sync::Change course(const QString &title, const QString &code, const QString &term = {},
                        const QString &status = QStringLiteral("draft"), QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("code"), code);
        if (!term.isEmpty())
            extra.insert(QStringLiteral("term"), term);
        extra.insert(QStringLiteral("status"), status);
        return change(QStringLiteral("course"), title, extra);
    }
    Sync::Change module(const QString &title, const QString &course, const QString &key,
                        QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("courseId"), id(course));
        extra.insert(QStringLiteral("orderKey"), key);
        return change(QStringLiteral("module"), title, extra);
    }
    Sync::Change item(const QString &title, const QString &module, const QString &course,
                      const QString &key, const QString &type = QStringLiteral("lesson"),
                      QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("moduleId"), id(module));
        extra.insert(QStringLiteral("courseId"), id(course));
        extra.insert(QStringLiteral("orderKey"), key);
        extra.insert(QStringLiteral("type"), type);
        return change(QStringLiteral("content"), title, extra);
    }

    // Course "Rust" (RUST, Autumn 2026): Basics (Intro, Ownership, Borrowing quiz), Traits
    // (Generics), Async (empty).
    bool seedRust()
    {
        const QStringList keys = OrderKey::spread(3);
        QList<Sync::Change> changes {
            course(QStringLiteral("Rust"), QStringLiteral("RUST"), QStringLiteral("Autumn 2026"))};
        changes += {module(QStringLiteral("Basics"), QStringLiteral("Rust"), keys[0]),
                    module(QStringLiteral("Traits"), QStringLiteral("Rust"), keys[1],
                           {{QStringLiteral("published"), true}}),
                    module(QStringLiteral("Async"), QStringLiteral("Rust"), keys[2])};
        changes += {item(QStringLiteral("Intro"), QStringLiteral("Basics"), QStringLiteral("Rust"),
                         keys[0], QStringLiteral("lesson"),
                         {{QStringLiteral("body"), QStringLiteral("# Intro\n\nHello.")},
                          {QStringLiteral("published"), true}}),
                    item(QStringLiteral("Ownership"), QStringLiteral("Basics"),
                         QStringLiteral("Rust"), keys[1]),
                    item(QStringLiteral("Borrowing quiz"), QStringLiteral("Basics"),
                         QStringLiteral("Rust"), keys[2], QStringLiteral("quiz")),
                    item(QStringLiteral("Generics"), QStringLiteral("Traits"),
                         QStringLiteral("Rust"), keys[0])};
        return pull(changes);
    }

    // Titles of a course's modules, and of a module's items, as the store orders them.
    QStringList moduleTitles(const QString &courseId) const
    {
        QStringList titles;
        for (const LocalRecord &m : store()->children(QStringLiteral("module"), courseId))
            titles.append(m.fields.value(u"title").toString());
        return titles;
    }
    QStringList itemTitles(const QString &moduleId) const
    {
        QStringList titles;
        for (const LocalRecord &c : store()->children(QStringLiteral("content"), moduleId))
            titles.append(c.fields.value(u"title").toString());
        return titles;
    }
    // The id of the course's module with this title (empty when there is none).
    QString moduleNamed(const QString &courseId, const QString &title) const
    {
        for (const LocalRecord &m : store()->children(QStringLiteral("module"), courseId)) {
            if (m.fields.value(u"title").toString() == title)
                return m.id;
        }
        return {};
    }
    QString courseCoded(const QString &code) const
    {
        for (const LocalRecord &c : store()->list(QStringLiteral("course"))) {
            if (c.fields.value(u"code").toString() == code)
                return c.id;
        }
        return {};
    }
};

} // namespace AuthorFixture
