#include "refusedchangesview.h"

#include "refusedchangesmodel.h"
#include "syncwords.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Lectern::Client {

RefusedChangesView::RefusedChangesView(SyncController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_model(new RefusedChangesModel(controller, this))
    , m_pages(new QStackedWidget(this))
    , m_list(new QListView(this))
{
    setObjectName(QStringLiteral("refusedChangesView"));
    setWindowTitle(tr("Refused changes — Lectern"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/refused.svg")));

    m_list->setObjectName(QStringLiteral("refusedList"));
    m_list->setAccessibleName(tr("Refused changes"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSpacing(2);
    auto *intro = new QLabel(tr("The server did not accept these changes. What you wrote is kept "
                                "here: copy it to use it again, then dismiss it."),
                             this);
    intro->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(12, 12, 6, 12);
    leftLayout->setSpacing(8);
    leftLayout->addWidget(intro);
    leftLayout->addWidget(m_list, 1);

    auto *detail = new QWidget(this);
    m_titleLabel = new QLabel(detail);
    m_titleLabel->setObjectName(QStringLiteral("refusedTitleLabel"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_titleLabel->setFont(titleFont);
    m_actionLabel = new QLabel(detail);
    m_actionLabel->setObjectName(QStringLiteral("refusedActionLabel"));
    m_actionLabel->setTextFormat(Qt::PlainText);
    m_actionLabel->setForegroundRole(QPalette::PlaceholderText);
    m_reasonLabel = new QLabel(detail);
    m_reasonLabel->setObjectName(QStringLiteral("refusedReasonLabel"));
    m_reasonLabel->setTextFormat(Qt::PlainText);
    m_reasonLabel->setWordWrap(true);
    m_messageLabel = new QLabel(detail);
    m_messageLabel->setObjectName(QStringLiteral("refusedMessageLabel"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *contentHeading = new QLabel(tr("What you wrote"), detail);
    QFont headingFont = contentHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    contentHeading->setFont(headingFont);
    m_content = new QPlainTextEdit(detail);
    m_content->setObjectName(QStringLiteral("refusedContent"));
    m_content->setReadOnly(true);
    m_content->setAccessibleName(tr("What you wrote"));
    m_feedbackLabel = new QLabel(detail);
    m_feedbackLabel->setObjectName(QStringLiteral("refusedFeedbackLabel"));
    m_feedbackLabel->setForegroundRole(QPalette::PlaceholderText);
    m_copyButton = new QPushButton(tr("&Copy to clipboard"), detail);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_dismissButton = new QPushButton(tr("&Dismiss"), detail);
    m_dismissButton->setObjectName(QStringLiteral("dismissButton"));
    m_dismissButton->setToolTip(tr("Remove it from this list. Copy what you need first."));
    connect(m_copyButton, &QPushButton::clicked, this, &RefusedChangesView::copyToClipboard);
    connect(m_dismissButton, &QPushButton::clicked, this, &RefusedChangesView::dismiss);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_feedbackLabel, 1);
    buttons->addWidget(m_dismissButton);
    buttons->addWidget(m_copyButton);

    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(6, 12, 12, 12);
    detailLayout->setSpacing(6);
    detailLayout->addWidget(m_titleLabel);
    detailLayout->addWidget(m_actionLabel);
    detailLayout->addSpacing(4);
    detailLayout->addWidget(m_reasonLabel);
    detailLayout->addWidget(m_messageLabel);
    detailLayout->addSpacing(6);
    detailLayout->addWidget(contentHeading);
    detailLayout->addWidget(m_content, 1);
    detailLayout->addLayout(buttons);

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(detail);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 560});

    auto *emptyLabel = new QLabel(tr("No refused changes. The server accepted everything you "
                                     "sent."),
                                  this);
    emptyLabel->setObjectName(QStringLiteral("refusedEmptyLabel"));
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLabel->setWordWrap(true);

    m_pages->addWidget(splitter);
    m_pages->addWidget(emptyLabel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RefusedChangesView::showCurrent);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_selectedRow = currentRow(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateEmptyState();
        setCurrentRow(qMin(qMax(m_selectedRow, 0), m_model->rowCount() - 1));
        showCurrent();
    });
    updateEmptyState();
    setCurrentRow(0);
    showCurrent();
    resize(900, 520);
}

int RefusedChangesView::currentRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RefusedChangesView::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_list->setCurrentIndex({});
        return;
    }
    m_list->setCurrentIndex(m_model->index(row));
}

bool RefusedChangesView::isEmptyStateShown() const
{
    return m_pages->currentIndex() == 1;
}

void RefusedChangesView::updateEmptyState()
{
    m_pages->setCurrentIndex(m_model->rowCount() == 0 ? 1 : 0);
}

void RefusedChangesView::showCurrent()
{
    m_feedbackLabel->clear();
    const int row = currentRow();
    m_copyButton->setEnabled(row >= 0);
    m_dismissButton->setEnabled(row >= 0);
    if (row < 0) {
        m_titleLabel->clear();
        m_actionLabel->clear();
        m_reasonLabel->clear();
        m_messageLabel->clear();
        m_content->clear();
        return;
    }
    const RejectedOp &op = m_model->op(row);
    m_titleLabel->setText(RefusedChangesModel::title(op));
    QString action = RefusedChangesModel::action(op);
    if (!action.isEmpty())
        action[0] = action[0].toUpper();
    m_actionLabel->setText(tr("%1, refused %2", "%1: your change of Title, %2: today at 14:05")
                               .arg(action, SyncWords::when(op.rejectedAt)));
    m_reasonLabel->setText(SyncWords::reason(op.reason));
    m_messageLabel->setText(op.message.isEmpty() ? QString()
                                                 : tr("The server said: “%1”").arg(op.message));
    m_messageLabel->setVisible(!op.message.isEmpty());
    m_content->setPlainText(RefusedChangesModel::contentText(op));
}

void RefusedChangesView::copyToClipboard()
{
    const int row = currentRow();
    if (row < 0)
        return;
    QGuiApplication::clipboard()->setText(RefusedChangesModel::contentText(m_model->op(row)));
    m_feedbackLabel->setText(tr("Copied."));
}

void RefusedChangesView::dismiss()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const Result<void> dismissed = m_model->dismiss(row);
    if (!dismissed)
        m_feedbackLabel->setText(dismissed.error().message);
}

} // namespace Lectern::Client
