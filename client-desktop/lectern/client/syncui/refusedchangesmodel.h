#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <lectern/client/sync/localstore.h>
#include <lectern/result.h>

namespace Lectern::Client {

class SyncController;

// The changes the server refused (LocalStore::rejectedOps()), one row each, with the reason in
// words and the content the person wrote, kept until they dismiss it: a refused op keeps the
// user's content and offers to copy it; nothing is deleted silently (docs/architecture.md,
// "Operations and outcomes").
class RefusedChangesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        OpIdRole = Qt::UserRole + 1,
        TitleRole,   // the record's title
        ActionRole,  // "Your edit of Title and Text"
        ReasonRole,  // the reason as a sentence
        ContentRole, // what the person wrote, as text to copy
    };

    explicit RefusedChangesModel(SyncController *controller, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const RejectedOp &op(int row) const { return m_ops.at(row); }
    Result<void> dismiss(int row);

    static QString title(const RejectedOp &op);
    static QString action(const RejectedOp &op);
    // The fields the op wrote (a create: the whole record), as "Field: value" lines; a single
    // field is its value alone, ready to paste back.
    static QString contentText(const RejectedOp &op);

public Q_SLOTS:
    void refresh();

private:
    QPointer<SyncController> m_controller;
    QList<RejectedOp> m_ops;
};

} // namespace Lectern::Client
