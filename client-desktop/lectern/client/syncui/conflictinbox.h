#pragma once

#include "conflictlistmodel.h"

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace Lectern::Client {

class ConflictPane;
class SyncController;

// The conflict inbox (docs/architecture.md, "Conflicts"): every open conflict in a list, and for
// the selected one base / mine / theirs side by side with "Keep mine", "Keep theirs", "Keep both"
// (text) and "Edit merged". A window of its own, not modal: the person can look things up in the
// main window while deciding. After a choice the next conflict is selected.
class ConflictInbox : public QWidget
{
    Q_OBJECT

public:
    explicit ConflictInbox(SyncController *controller, QWidget *parent = nullptr);

    ConflictListModel *model() const { return m_model; }
    int currentRow() const;
    void setCurrentRow(int row);
    bool isEmptyStateShown() const;
    bool isEditorShown() const;
    // Keep both's preview is open (in the editor, to be tidied before it is saved).
    bool isBothPreviewShown() const { return isEditorShown() && m_editorMode == EditorMode::Both; }
    // The editor's text while "Edit merged" or Keep both's preview is open.
    QPlainTextEdit *editor() const { return m_editor; }
    // Selects the conflict with this id (the editor's banner opens the inbox at it).
    bool showConflict(const QString &conflictId);

public Q_SLOTS:
    void keepMine();
    void keepTheirs();
    // Shows what Keep both will save (both versions of only the passages both changed, each
    // labelled with its author) in the editor; saveEdited() saves it.
    void keepBoth();
    // Opens the editor with the merge (or theirs); saveEdited() resolves with its text.
    void editMerged();
    void saveEdited();
    void cancelEdit();

private:
    enum class EditorMode { Edit, Both };
    QWidget *createDetail();
    void openEditor(EditorMode mode, const QString &text);
    void showCurrent();
    void updateEmptyState();
    void resolve(ConflictListModel::Choice choice, const QString &edited = {});

    ConflictListModel *m_model;
    QStackedWidget *m_pages;
    QListView *m_list;
    QLabel *m_countLabel;
    QLabel *m_titleLabel;
    QLabel *m_whoWhenLabel;
    QLabel *m_explanation;
    QStackedWidget *m_detailPages;
    ConflictPane *m_basePane;
    ConflictPane *m_minePane;
    ConflictPane *m_theirsPane;
    QPlainTextEdit *m_editor;
    QLabel *m_editorHint;
    QLabel *m_editorNote;
    QPushButton *m_saveButton;
    EditorMode m_editorMode = EditorMode::Edit;
    QString m_editorStart; // the text the editor opened with
    QLabel *m_errorLabel;
    QPushButton *m_mineButton;
    QPushButton *m_theirsButton;
    QPushButton *m_bothButton;
    QPushButton *m_editButton;
    QWidget *m_choices;
    QString m_selectedId;
    int m_selectedRow = -1;
};

} // namespace Lectern::Client
