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
// SyncController, an ordinary op (docs/architecture.md, "Conflicts"). Refreshes on
// recordsChanged().
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

    // One open conflict as the inbox shows it, from the viewer's side: `mine` is what this
    // person wrote and `theirs` the other person's, whichever of them reached the server first.
    // (The conflict record names its sides the other way: its mine is the op that arrived, its
    // theirs what the server had; `turned` says the two differ for this viewer.)
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
        QString mineAuthorId;
        QString theirsAuthorId; // empty when unknown
        QString mineName;       // the authors' names (empty when unknown)
        QString theirsName;
        QDateTime mineTime;    // from the HLCs (UTC; invalid when unknown)
        QDateTime theirsTime;  // likewise
        bool mineIsMe = false; // the viewer wrote one of the sides (then it is `mine`)
        // The viewer wrote the side the server had: mine/theirs are the record's theirs/mine.
        bool turned = false;
        bool recordExists = false; // the record is here (not deleted)
        QJsonValue current;        // the record's value of `field` now
        bool published = false;    // the record is published (learners see it)
        bool pending = false;      // the record (or this conflict) has unsynced changes
        QString title;             // the record's title
        QString entityName;        // "lesson"
        QString fieldLabel;        // "Text"
        QString whoWhen;

        bool isDelete() const { return kind == u"delete"; }
        bool isText() const { return kind == u"text"; }
        bool mineDeletes() const { return isDelete() && mine == QJsonValue(true); }
        bool theirsDeletes() const { return isDelete() && theirs == QJsonValue(true); }
        // Whether `mine` is what the record holds until the conflict is resolved (the
        // provisional winner everyone sees), else `theirs` is.
        bool mineIsOnServer() const { return turned; }
        // Keep both keeps both versions of the passages both changed: only for text.
        bool canKeepBoth() const { return isText(); }
        // A text the person can edit: text conflicts and text fields.
        bool canEdit() const;
        // What the editor starts with: for text the merge with mine and theirs between git-style
        // markers, else the value the record holds.
        QString editText() const;
        // The text of the side the record holds, as it holds it now (it may have moved on).
        QString serverText() const;
        // This person's text and the other's, as they stand now.
        QString mineText() const;
        QString theirsText() const;
        // A person's name for a side: their name, "you", or "someone else" when unknown.
        QString mineWho() const;
        QString theirsWho() const;
    };

    // What "Keep both" writes: the text merged, with each passage both changed there twice,
    // mine first, each under a label naming its author and time.
    struct BothPreview
    {
        QString text;
        int passages = 0; // passages kept twice
    };

    explicit ConflictListModel(SyncController *controller, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Conflict &conflict(int row) const { return m_conflicts.at(row); }
    int rowOf(const QString &id) const;

    // Writes the choice: the record's new value when it differs from the current one (for a
    // delete: the delete, or nothing to keep the edit), then the conflict's status and
    // resolution. `edited` is the text for Choice::Edited (and, when given, Keep both's text as
    // previewed). Mine and theirs are the viewer's (Conflict::mine, Conflict::theirs).
    Result<void> resolve(int row, Choice choice, const QString &edited = {});
    // The conflict record's `resolution` for a choice of this viewer (the record's sides).
    static QString resolutionName(const Conflict &conflict, Choice choice);
    // What Keep both would write for the conflict in `row` (text conflicts).
    BothPreview keepBothPreview(int row) const;
    static BothPreview keepBothPreview(const Conflict &conflict);
    // The open conflict about a record (the first when there are several), or an empty id.
    QString conflictOf(const QString &entity, const QString &entityId) const;

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
