#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace Lectern::Client {

class RefusedChangesModel;
class SyncController;

// The changes the server refused, each with the reason in words and what the person wrote, to
// copy to the clipboard and then dismiss. A window of its own, not modal.
class RefusedChangesView : public QWidget
{
    Q_OBJECT

public:
    explicit RefusedChangesView(SyncController *controller, QWidget *parent = nullptr);

    RefusedChangesModel *model() const { return m_model; }
    int currentRow() const;
    void setCurrentRow(int row);
    bool isEmptyStateShown() const;

public Q_SLOTS:
    void copyToClipboard();
    void dismiss();

private:
    void showCurrent();
    void updateEmptyState();

    RefusedChangesModel *m_model;
    QStackedWidget *m_pages;
    QListView *m_list;
    QLabel *m_titleLabel;
    QLabel *m_actionLabel;
    QLabel *m_reasonLabel;
    QLabel *m_messageLabel;
    QPlainTextEdit *m_content;
    QLabel *m_feedbackLabel;
    QPushButton *m_copyButton;
    QPushButton *m_dismissButton;
    int m_selectedRow = -1;
};

} // namespace Lectern::Client
