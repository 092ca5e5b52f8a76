#include "conflictinbox.h"

#include "conflictitemdelegate.h"
#include "conflictpane.h"
#include "syncwords.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <lectern/client/theme.h>

namespace Lectern::Client {

namespace {

// Long text is shown as a line diff against the base; short values as they are.
bool isLong(const QJsonValue &value)
{
    return value.isString() && (value.toString().contains(u'\n') || value.toString().size() > 120);
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

bool hasMarkers(const QString &text)
{
    static const QRegularExpression markers(QStringLiteral("^(<{7} |={7}$|>{7} )"),
                                            QRegularExpression::MultilineOption);
    return markers.match(text).hasMatch();
}

} // namespace

ConflictInbox::ConflictInbox(SyncController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_model(new ConflictListModel(controller, this))
    , m_pages(new QStackedWidget(this))
    , m_list(new QListView(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("conflictInbox"));
    setWindowTitle(tr("Conflicts — Lectern"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/conflict.svg")));

    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setAccessibleName(tr("Conflicts"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ConflictItemDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setUniformItemSizes(true);
    m_countLabel->setObjectName(QStringLiteral("conflictCountLabel"));
    QFont countFont = m_countLabel->font();
    countFont.setWeight(QFont::DemiBold);
    m_countLabel->setFont(countFont);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(12, 12, 6, 12);
    leftLayout->setSpacing(8);
    leftLayout->addWidget(m_countLabel);
    leftLayout->addWidget(m_list, 1);

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(createDetail());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({330, 710});

    // No conflicts: say that this is the good case.
    auto *empty = new QWidget(this);
    auto *emptyIcon = new QLabel(empty);
    emptyIcon->setPixmap(QIcon(QStringLiteral(":/icons/online.svg")).pixmap(QSize(40, 40)));
    emptyIcon->setAlignment(Qt::AlignCenter);
    auto *emptyLabel
        = new QLabel(tr("No conflicts. Everything you and others changed has merged."), empty);
    emptyLabel->setObjectName(QStringLiteral("conflictEmptyLabel"));
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLabel->setWordWrap(true);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyIcon);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(emptyLabel);
    emptyLayout->addStretch();

    m_pages->addWidget(splitter);
    m_pages->addWidget(empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConflictInbox::showCurrent);
    // Keep the selected conflict across refreshes; when it went away (resolved here or
    // elsewhere), the one that took its place is the next.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_selectedRow = currentRow();
        m_selectedId = m_selectedRow >= 0 ? m_model->conflict(m_selectedRow).id : QString();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        int row = m_model->rowOf(m_selectedId);
        if (row < 0)
            row = qMin(qMax(m_selectedRow, 0), m_model->rowCount() - 1);
        updateEmptyState();
        setCurrentRow(row);
        showCurrent();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (!isEditorShown())
            showCurrent();
    });

    updateEmptyState();
    setCurrentRow(0);
    showCurrent();
    resize(1040, 640);
}

QWidget *ConflictInbox::createDetail()
{
    auto *detail = new QWidget(this);
    m_titleLabel = new QLabel(detail);
    m_titleLabel->setObjectName(QStringLiteral("conflictTitleLabel"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_titleLabel->setFont(titleFont);
    m_whoWhenLabel = new QLabel(detail);
    m_whoWhenLabel->setObjectName(QStringLiteral("conflictWhoWhenLabel"));
    m_whoWhenLabel->setTextFormat(Qt::PlainText);
    m_whoWhenLabel->setForegroundRole(QPalette::PlaceholderText);
    m_whoWhenLabel->setWordWrap(true);
    m_explanation = new QLabel(detail);
    m_explanation->setObjectName(QStringLiteral("conflictExplanation"));
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setWordWrap(true);

    m_basePane = new ConflictPane(tr("Before"), detail);
    m_basePane->setObjectName(QStringLiteral("basePane"));
    m_basePane->setDetail(tr("The version both changes started from"));
    m_minePane = new ConflictPane(tr("Mine"), detail);
    m_minePane->setObjectName(QStringLiteral("minePane"));
    m_theirsPane = new ConflictPane(tr("Theirs"), detail);
    m_theirsPane->setObjectName(QStringLiteral("theirsPane"));
    auto *panes = new QWidget(detail);
    auto *panesLayout = new QHBoxLayout(panes);
    panesLayout->setContentsMargins(0, 0, 0, 0);
    panesLayout->setSpacing(10);
    panesLayout->addWidget(m_basePane, 1);
    panesLayout->addWidget(m_minePane, 1);
    panesLayout->addWidget(m_theirsPane, 1);

    // "Edit merged": the merge with its markers, to be tidied and saved; Keep both's preview.
    auto *editorPage = new QWidget(detail);
    m_editorHint = new QLabel(editorPage);
    m_editorHint->setObjectName(QStringLiteral("editorHint"));
    m_editorHint->setWordWrap(true);
    m_editorHint->setTextFormat(Qt::PlainText);
    m_editorNote = new QLabel(editorPage);
    m_editorNote->setObjectName(QStringLiteral("editorNote"));
    m_editorNote->setWordWrap(true);
    m_editorNote->setTextFormat(Qt::PlainText);
    QFont noteFont = m_editorNote->font();
    noteFont.setWeight(QFont::DemiBold);
    m_editorNote->setFont(noteFont);
    m_editor = new QPlainTextEdit(editorPage);
    m_editor->setObjectName(QStringLiteral("mergedEditor"));
    m_editor->setAccessibleName(tr("Merged text"));
    auto *cancel = new QPushButton(tr("Cancel"), editorPage);
    cancel->setObjectName(QStringLiteral("cancelEditButton"));
    m_saveButton = new QPushButton(tr("&Save and resolve"), editorPage);
    m_saveButton->setObjectName(QStringLiteral("saveEditButton"));
    m_saveButton->setDefault(true);
    connect(cancel, &QPushButton::clicked, this, &ConflictInbox::cancelEdit);
    connect(m_saveButton, &QPushButton::clicked, this, &ConflictInbox::saveEdited);
    auto *editorButtons = new QHBoxLayout;
    editorButtons->addStretch();
    editorButtons->addWidget(cancel);
    editorButtons->addWidget(m_saveButton);
    auto *editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(8);
    editorLayout->addWidget(m_editorHint);
    editorLayout->addWidget(m_editorNote);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addLayout(editorButtons);

    m_detailPages = new QStackedWidget(detail);
    m_detailPages->addWidget(panes);
    m_detailPages->addWidget(editorPage);

    m_errorLabel = new QLabel(detail);
    m_errorLabel->setObjectName(QStringLiteral("conflictErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    Theme::setTone(m_errorLabel, Theme::Tone::Problem);
    m_errorLabel->hide();

    m_mineButton = new QPushButton(tr("Keep &mine"), detail);
    m_mineButton->setObjectName(QStringLiteral("keepMineButton"));
    m_theirsButton = new QPushButton(tr("Keep &theirs"), detail);
    m_theirsButton->setObjectName(QStringLiteral("keepTheirsButton"));
    m_bothButton = new QPushButton(tr("Keep &both…"), detail);
    m_bothButton->setObjectName(QStringLiteral("keepBothButton"));
    m_bothButton->setToolTip(tr("Keep both versions of the lines you both changed, each "
                                "labelled, and merge the rest; shows the result before saving"));
    m_editButton = new QPushButton(tr("&Edit merged…"), detail);
    m_editButton->setObjectName(QStringLiteral("editMergedButton"));
    m_editButton->setToolTip(tr("Write the text to keep, starting from both versions"));
    connect(m_mineButton, &QPushButton::clicked, this, &ConflictInbox::keepMine);
    connect(m_theirsButton, &QPushButton::clicked, this, &ConflictInbox::keepTheirs);
    connect(m_bothButton, &QPushButton::clicked, this, &ConflictInbox::keepBoth);
    connect(m_editButton, &QPushButton::clicked, this, &ConflictInbox::editMerged);
    m_choices = new QWidget(detail);
    auto *buttons = new QHBoxLayout(m_choices);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(8);
    buttons->addStretch();
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_bothButton);
    buttons->addWidget(m_theirsButton);
    buttons->addWidget(m_mineButton);

    auto *layout = new QVBoxLayout(detail);
    layout->setContentsMargins(6, 12, 12, 12);
    layout->setSpacing(6);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_whoWhenLabel);
    layout->addSpacing(4);
    layout->addWidget(m_explanation);
    layout->addSpacing(6);
    layout->addWidget(m_detailPages, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_choices);
    return detail;
}

int ConflictInbox::currentRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ConflictInbox::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_list->setCurrentIndex({});
        return;
    }
    m_list->setCurrentIndex(m_model->index(row));
}

bool ConflictInbox::isEmptyStateShown() const
{
    return m_pages->currentIndex() == 1;
}

bool ConflictInbox::isEditorShown() const
{
    return m_detailPages->currentIndex() == 1;
}

void ConflictInbox::updateEmptyState()
{
    const int count = m_model->rowCount();
    m_pages->setCurrentIndex(count == 0 ? 1 : 0);
    m_countLabel->setText(tr("%Ln conflict(s) to resolve", nullptr, count));
}

void ConflictInbox::showCurrent()
{
    m_detailPages->setCurrentIndex(0);
    m_choices->show();
    m_explanation->show();
    m_errorLabel->hide();
    const int row = currentRow();
    for (QPushButton *button : {m_mineButton, m_theirsButton, m_bothButton, m_editButton})
        button->setEnabled(row >= 0);
    if (row < 0) {
        m_titleLabel->clear();
        m_whoWhenLabel->clear();
        m_explanation->clear();
        for (ConflictPane *pane : {m_basePane, m_minePane, m_theirsPane})
            pane->showText({});
        return;
    }
    const ConflictListModel::Conflict &c = m_model->conflict(row);
    m_titleLabel->setText(c.title);
    m_whoWhenLabel->setText(tr("%1 · %2 — %3", "kind of record · field — who changed it when")
                                .arg(capitalized(c.entityName), c.fieldLabel, c.whoWhen));
    // From the viewer's side: "Mine" is what this person wrote. Someone who wrote neither side
    // (an administrator) sees the authors' names instead.
    const QString mineWhen = SyncWords::when(c.mineTime);
    const QString theirsWhen = SyncWords::when(c.theirsTime);
    if (c.mineIsMe) {
        m_minePane->setHeading(tr("Mine"));
        m_theirsPane->setHeading(tr("Theirs"));
        m_minePane->setDetail(tr("Yours, %1", "%1: today at 14:05").arg(mineWhen));
        m_mineButton->setText(tr("Keep &mine"));
        m_theirsButton->setText(tr("Keep &theirs"));
    } else {
        m_minePane->setHeading(capitalized(c.mineWho()));
        m_theirsPane->setHeading(capitalized(c.theirsWho()));
        m_minePane->setDetail(
            tr("By %1, %2", "%1: a name, %2: today at 14:05").arg(c.mineWho(), mineWhen));
        m_mineButton->setText(tr("Keep %1's version").arg(c.mineWho()));
        m_theirsButton->setText(tr("Keep %1's version").arg(c.theirsWho()));
    }
    m_theirsPane->setDetail(
        tr("By %1, %2", "%1: a name, %2: today at 14:05").arg(c.theirsWho(), theirsWhen));
    // Which of the two learners and everyone else see meanwhile.
    const QString meanwhile = c.mineIsMe && c.mineIsOnServer()
        ? tr("Until it is resolved, everyone sees your version.")
        : tr("Until it is resolved, everyone sees the version by %1.")
              .arg(c.mineIsOnServer() ? c.mineWho() : c.theirsWho());
    m_bothButton->setVisible(c.canKeepBoth());
    m_editButton->setVisible(c.canEdit());

    if (c.isDelete()) {
        m_basePane->hide();
        const auto side = [&](ConflictPane *pane, const QJsonValue &value) {
            if (value == QJsonValue(true))
                pane->showNote(tr("Deleted"));
            else
                pane->showText(SyncWords::fieldsText(c.entity, value.toObject()));
        };
        side(m_minePane, c.mine);
        side(m_theirsPane, c.theirs);
        if (c.mineDeletes()) {
            m_explanation->setText(
                tr("This %1 was deleted on one side and edited on the other. Keep mine deletes "
                   "it; keep theirs keeps the edited %1.")
                    .arg(c.entityName));
            m_mineButton->setToolTip(tr("Delete it"));
            m_theirsButton->setToolTip(tr("Keep it, with their edits"));
        } else {
            m_explanation->setText(
                tr("This %1 was edited on one side and deleted on the other. Keep mine keeps "
                   "the edited %1; keep theirs deletes it.")
                    .arg(c.entityName));
            m_mineButton->setToolTip(tr("Keep it, with your edits"));
            m_theirsButton->setToolTip(tr("Delete it"));
        }
        return;
    }

    m_basePane->show();
    m_mineButton->setToolTip(c.mineIsMe ? tr("Use your version")
                                        : tr("Use the version by %1").arg(c.mineWho()));
    m_theirsButton->setToolTip(tr("Use the version by %1").arg(c.theirsWho()));
    if (c.isText() || isLong(c.mine) || isLong(c.theirs)) {
        const QString base = c.base.toString();
        m_basePane->showText(base);
        m_minePane->showDiff(base, c.mine.toString());
        m_theirsPane->showDiff(base, c.theirs.toString());
        m_explanation->setText(
            tr("Both sides changed the same lines. Added lines are green; removed lines are red "
               "and struck out.")
            + u' ' + meanwhile);
    } else {
        m_basePane->showText(SyncWords::valueText(c.base));
        m_minePane->showText(SyncWords::valueText(c.mine));
        m_theirsPane->showText(SyncWords::valueText(c.theirs));
        m_explanation->setText(tr("Both sides changed this to different values. Choose the one "
                                  "to keep.")
                               + u' ' + meanwhile);
    }
}

void ConflictInbox::resolve(ConflictListModel::Choice choice, const QString &edited)
{
    const int row = currentRow();
    if (row < 0)
        return;
    const Result<void> resolved = m_model->resolve(row, choice, edited);
    if (!resolved) {
        m_errorLabel->setText(resolved.error().message);
        m_errorLabel->show();
        return;
    }
    m_errorLabel->hide();
    m_list->setFocus();
}

void ConflictInbox::keepMine()
{
    resolve(ConflictListModel::Choice::Mine);
}

void ConflictInbox::keepTheirs()
{
    resolve(ConflictListModel::Choice::Theirs);
}

void ConflictInbox::keepBoth()
{
    const int row = currentRow();
    if (row < 0 || !m_model->conflict(row).canKeepBoth())
        return;
    const ConflictListModel::Conflict &c = m_model->conflict(row);
    const ConflictListModel::BothPreview preview = m_model->keepBothPreview(row);
    m_editorHint->setText(
        tr("This is the %1 as it will be saved: %n passage(s) you both changed appear twice, each "
           "under a [[ Version by … ]] label; everything else is merged and appears once. Tidy it "
           "here or later: keep what you want and delete the [[ ]] lines.",
           nullptr, preview.passages)
            .arg(c.entityName));
    m_editorNote->setText(c.published
                              ? tr("This %1 is published: learners see the saved text, labels "
                                   "included, until it is tidied. Until you save, they see the "
                                   "version on the server.")
                                    .arg(c.entityName)
                              : QString());
    m_editorNote->setVisible(c.published);
    m_saveButton->setText(tr("&Save both versions"));
    openEditor(EditorMode::Both, preview.text);
}

void ConflictInbox::editMerged()
{
    const int row = currentRow();
    if (row < 0 || !m_model->conflict(row).canEdit())
        return;
    m_editorHint->setText(
        tr("Edit the text to keep. Where both sides changed the same lines, both are shown "
           "between <<<<<<< mine, ======= and >>>>>>> theirs lines: keep what you want and "
           "remove those marker lines."));
    m_editorNote->hide();
    m_saveButton->setText(tr("&Save and resolve"));
    openEditor(EditorMode::Edit, m_model->conflict(row).editText());
}

void ConflictInbox::openEditor(EditorMode mode, const QString &text)
{
    m_editorMode = mode;
    m_editorStart = text;
    m_editor->setPlainText(text);
    m_errorLabel->hide();
    m_detailPages->setCurrentIndex(1);
    // The editor has its own Save and Cancel; the explanation is the editor's hint now.
    m_choices->hide();
    m_explanation->hide();
    m_editor->setFocus();
}

bool ConflictInbox::showConflict(const QString &conflictId)
{
    const int row = m_model->rowOf(conflictId);
    if (row < 0)
        return false;
    setCurrentRow(row);
    showCurrent();
    return true;
}

void ConflictInbox::saveEdited()
{
    const QString text = m_editor->toPlainText();
    if (m_editorMode == EditorMode::Both && text == m_editorStart) {
        resolve(ConflictListModel::Choice::Both, text);
        return;
    }
    if (hasMarkers(text)) {
        m_errorLabel->setText(tr("The text still has conflict marker lines (<<<<<<<, =======, "
                                 ">>>>>>>). Remove them, keeping the lines you want."));
        m_errorLabel->show();
        return;
    }
    resolve(ConflictListModel::Choice::Edited, text);
}

void ConflictInbox::cancelEdit()
{
    showCurrent();
}

} // namespace Lectern::Client
