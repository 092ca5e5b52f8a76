#pragma once

#include <QDialog>
#include <QUrl>
#include <lectern/result.h>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Lectern::Client {

class BusyIndicator;

// Asks for the server, email and password. It only collects them and shows what happened: the
// AppController does the logging in and reports back with setBusy() and showError().
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget *parent = nullptr);

    // The server address as typed, read leniently; invalid when it cannot be a server address.
    QUrl serverUrl() const;
    QString email() const;
    QString password() const;
    void setServerUrl(const QUrl &url);
    void setEmail(const QString &email);
    void clearPassword();

    bool isBusy() const { return m_busy; }
    // While busy the fields are read-only, the button is off and the spinner turns.
    void setBusy(bool busy, const QString &status = {});
    void showMessage(const QString &text);
    void showError(const Error &error);
    void clearMessage();
    QString message() const;

    // The dismiss button says "Quit" while the dialog is all there is of the program, and
    // "Cancel" when it opens over the main window to log in again.
    void setClosesApplication(bool closes);
    bool closesApplication() const { return m_closesApplication; }

Q_SIGNALS:
    void loginRequested(const QUrl &server, const QString &email, const QString &password);
    void cancelRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void submit();
    void updateLoginButton();
    void focusFirstEmptyField();

    QLineEdit *m_serverEdit;
    QLineEdit *m_emailEdit;
    QLineEdit *m_passwordEdit;
    QLabel *m_messageLabel;
    QLabel *m_statusLabel;
    BusyIndicator *m_busyIndicator;
    QDialogButtonBox *m_buttons;
    QPushButton *m_loginButton;
    QPushButton *m_quitButton;
    bool m_busy = false;
    bool m_closesApplication = true;
};

} // namespace Lectern::Client
