#include <QJsonArray>
#include <QTest>
#include <lectern/result.h>
#include <memory>
#include <variant>

using namespace Lectern;
using namespace Qt::StringLiterals;

// Result<T> is how every service reports failure (docs/architecture.md, "Errors as values"): these
// pin down what a caller can rely on when it branches on success, reads the value or passes the
// error on.
class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueCarriesThrough_data();
    void valueCarriesThrough();
    void errorCarriesThrough_data();
    void errorCarriesThrough();
    void accessingTheWrongAlternativeThrows();
    void valueCanBeModifiedInPlace();
    void moveOnlyValueCanBeTakenOut();
    void voidResult_data();
    void voidResult();
    void failBuildsErrorFromCode_data();
    void failBuildsErrorFromCode();
    void errorEquality_data();
    void errorEquality();
    void errorPassesAcrossResultTypes();
};

void TestResult::valueCarriesThrough_data()
{
    QTest::addColumn<QString>("value");

    QTest::newRow("plain") << u"hello"_s;
    QTest::newRow("empty string is still a value") << QString();
    QTest::newRow("non-ascii") << u"Grüße, 世界"_s;
}

void TestResult::valueCarriesThrough()
{
    QFETCH(QString, value);

    const Result<QString> result = value;
    QVERIFY(result.isOk());
    QVERIFY(static_cast<bool>(result));
    QCOMPARE(result.value(), value);
    QCOMPARE(*result, value);
    QCOMPARE(result->size(), value.size());
}

void TestResult::errorCarriesThrough_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QJsonObject>("details");

    QTest::newRow("no details") << u"not_found"_s << u"No such course."_s << QJsonObject();
    QTest::newRow("with details")
        << u"validation_failed"_s << u"Some fields are not valid: email."_s
        << QJsonObject {
               {u"fields"_s, QJsonObject {{u"email"_s, u"is not a valid email address"_s}}}};
    QTest::newRow("nested array details") << u"conflict"_s << u"Changed elsewhere."_s
                                          << QJsonObject {{u"revisions"_s, QJsonArray {1, 2, 3}}};
}

void TestResult::errorCarriesThrough()
{
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QJsonObject, details);

    const Result<int> result = Error(code, message, details);
    QVERIFY(!result.isOk());
    QVERIFY(!static_cast<bool>(result));
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.error().details, details);
}

void TestResult::accessingTheWrongAlternativeThrows()
{
    // Reading a value that is not there must not hand back garbage.
    const Result<int> failed = fail(ErrorCode::Internal, u"boom"_s);
    QVERIFY_THROWS_EXCEPTION(std::bad_variant_access, (void)failed.value());

    const Result<int> ok = 42;
    QVERIFY_THROWS_EXCEPTION(std::bad_variant_access, (void)ok.error());
}

void TestResult::valueCanBeModifiedInPlace()
{
    Result<QStringList> result = QStringList {u"a"_s};
    result->append(u"b"_s);
    (*result).append(u"c"_s);
    result.value().prepend(u"z"_s);
    QCOMPARE(result.value(), (QStringList {u"z"_s, u"a"_s, u"b"_s, u"c"_s}));
}

void TestResult::moveOnlyValueCanBeTakenOut()
{
    Result<std::unique_ptr<int>> result = std::make_unique<int>(7);
    QVERIFY(result.isOk());
    std::unique_ptr<int> taken = std::move(result).value();
    QVERIFY(taken);
    QCOMPARE(*taken, 7);
}

void TestResult::voidResult_data()
{
    QTest::addColumn<bool>("failed");

    QTest::newRow("success") << false;
    QTest::newRow("failure") << true;
}

void TestResult::voidResult()
{
    QFETCH(bool, failed);

    const Result<void> result
        = failed ? Result<void>(fail(ErrorCode::Forbidden, u"no"_s)) : Result<void>();
    QCOMPARE(result.isOk(), !failed);
    QCOMPARE(static_cast<bool>(result), !failed);
    if (failed) {
        QCOMPARE(result.error().code, u"forbidden"_s);
        QCOMPARE(result.error().message, u"no"_s);
    }
}

void TestResult::failBuildsErrorFromCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("wireCode");

    // The wire codes are part of the API contract (docs/architecture.md, "HTTP conventions"); a
    // renamed constant would break clients.
    QTest::newRow("bad_request") << QString::fromLatin1(ErrorCode::BadRequest) << u"bad_request"_s;
    QTest::newRow("validation_failed")
        << QString::fromLatin1(ErrorCode::ValidationFailed) << u"validation_failed"_s;
    QTest::newRow("unauthorized") << QString::fromLatin1(ErrorCode::Unauthorized)
                                  << u"unauthorized"_s;
    QTest::newRow("refresh_token_reused")
        << QString::fromLatin1(ErrorCode::RefreshTokenReused) << u"refresh_token_reused"_s;
    QTest::newRow("not_found") << QString::fromLatin1(ErrorCode::NotFound) << u"not_found"_s;
    QTest::newRow("conflict") << QString::fromLatin1(ErrorCode::Conflict) << u"conflict"_s;
    QTest::newRow("too_many_requests")
        << QString::fromLatin1(ErrorCode::TooManyRequests) << u"too_many_requests"_s;
    QTest::newRow("internal_error")
        << QString::fromLatin1(ErrorCode::Internal) << u"internal_error"_s;
}

void TestResult::failBuildsErrorFromCode()
{
    QFETCH(QString, code);
    QFETCH(QString, wireCode);

    QCOMPARE(code, wireCode);
    const QJsonObject details {{u"field"_s, u"x"_s}};
    const Error error = fail(code.toLatin1().constData(), u"words"_s, details);
    QCOMPARE(error.code, wireCode);
    QCOMPARE(error.message, u"words"_s);
    QCOMPARE(error.details, details);
}

void TestResult::errorEquality_data()
{
    QTest::addColumn<QString>("otherCode");
    QTest::addColumn<QString>("otherMessage");
    QTest::addColumn<QJsonObject>("otherDetails");
    QTest::addColumn<bool>("equal");

    const QJsonObject details {{u"id"_s, u"1"_s}};
    QTest::newRow("identical") << u"not_found"_s << u"gone"_s << details << true;
    QTest::newRow("other code") << u"forbidden"_s << u"gone"_s << details << false;
    QTest::newRow("other message") << u"not_found"_s << u"missing"_s << details << false;
    QTest::newRow("other details")
        << u"not_found"_s << u"gone"_s << QJsonObject {{u"id"_s, u"2"_s}} << false;
    QTest::newRow("no details") << u"not_found"_s << u"gone"_s << QJsonObject() << false;
}

void TestResult::errorEquality()
{
    QFETCH(QString, otherCode);
    QFETCH(QString, otherMessage);
    QFETCH(QJsonObject, otherDetails);
    QFETCH(bool, equal);

    const Error error(u"not_found"_s, u"gone"_s, QJsonObject {{u"id"_s, u"1"_s}});
    QCOMPARE(error == Error(otherCode, otherMessage, otherDetails), equal);
}

void TestResult::errorPassesAcrossResultTypes()
{
    // The usual service pattern: a lower layer fails and the caller forwards the error unchanged.
    const auto lower = []() -> Result<int> {
        return fail(ErrorCode::NotFound, u"No such user."_s);
    };
    const auto upper = [&]() -> Result<QString> {
        const Result<int> r = lower();
        if (!r)
            return r.error();
        return QString::number(*r);
    };
    const Result<QString> result = upper();
    QVERIFY(!result.isOk());
    QCOMPARE(result.error(), Error(u"not_found"_s, u"No such user."_s));
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
