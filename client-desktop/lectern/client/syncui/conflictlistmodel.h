#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonValue>
#include <QPointer>
#include <lectern/result.h>

namespace Lectern::Client {

class SyncController;
struct LocalRecord;

// The open sync conflicts of the logged-in account (records of entity "conflict" in the
// LocalStore), one row each, for the conflict inbox; resolving one is an edit through the
// SyncController (SYNC.md: "resolving it is an ordinary op"). Refreshes on recordsChanged().
class ConflictListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // the conflict record's id
        TitleRole,                 // the changed record's title
        FieldRole,                 // the field in words ("Text"), or "Deleted" for a delete
        KindRole,                  // "field", "text" or "delete"
        WhoWhenRole,               // "You changed it today at 14:05; someone else at 14:07"
    };
    // SyncMark::Role (syncmark.h) is true when the record has changes not synced yet.

    enum class Choice { Mine, Theirs, Both, Edited };

    // One open conflict as the inbox shows it.
    struct Conflict
    {
        QString id;
        QString entity;
        QString entityId;
        QString field; // empty for a delete
        QString kind;  // field | text | delete
        QJsonValue base;
        QJsonValue mine;   // for a delete: true when this side deleted, else its edits
        QJsonValue theirs; // likewise
        QString merged;    // text conflicts: the merge with git-style markers
        QString mineAuthorId;
        QDateTime mineTime;   // from the HLCs (UTC; invalid when unknown)
        QDateTime theirsTime; // likewise
        bool mineIsMe = false;
        bool recordExists = false; // the record is here (not deleted)
        QJsonValue current;        // the record's value of `field` now
        bool pending = false;      // the record (or this conflict) has unsynced changes
        QString title;             // the record's title
        QString entityName;        // "lesson"
        QString fieldLabel;        // "Text"
        QString whoWhen;

        bool isDelete() const { return kind == u"delete"; }
        bool isText() const { return kind == u"text"; }
        bool mineDeletes() const { return isDelete() && mine == QJsonValue(true); }
        bool theirsDeletes() const { return isDelete() && theirs == QJsonValue(true); }
        // Keep both puts theirs, a blank line and mine together: only for text.
        bool canKeepBoth() const { return isText(); }
        // A text the person can edit: text conflicts and text fields.
        bool canEdit() const;
        // What the editor starts with: the merge with markers, else theirs.
        QString editText() const;
    };

    explicit ConflictListModel(SyncController *controller, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Conflict &conflict(int row) const { return m_conflicts.at(row); }
    int rowOf(const QString &id) const;

    // Writes the choice: the record's new value when it differs from the current one (for a
    // delete: the delete, or nothing to keep the edit), then the conflict's status and
    // resolution. `edited` is the text for Choice::Edited.
    Result<void> resolve(int row, Choice choice, const QString &edited = {});
    static QString resolutionName(Choice choice);

public Q_SLOTS:
    // Reads the open conflicts again (called on the controller's recordsChanged()).
    void refresh();

private:
    Conflict load(const LocalRecord &record) const;
    QString whoWhen(const Conflict &conflict) const;

    QPointer<SyncController> m_controller;
    QList<Conflict> m_conflicts;
};

} // namespace Lectern::Client
