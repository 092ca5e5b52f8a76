#include <QJsonArray>
#include <QTest>
#include <lectern/result.h>
#include <lectern/syncop.h>
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
    void syncReasonsSpellLikeErrorCodes_data();
    void syncReasonsSpellLikeErrorCodes();
    void tryStopsAtTheFirstError_data();
    void tryStopsAtTheFirstError();
    void tryEvaluatesItsExpressionOnce();
    void tryAssignBindsTheValue();
    void tryAssignPassesTheErrorOn();
};

namespace {

// A step of a chain that fails when its index is `failAt`, recording that it ran.
Result<int> step(int index, int failAt, QList<int> &ran)
{
    ran.append(index);
    if (index == failAt)
        return fail(ErrorCode::Conflict, u"step %1 failed"_s.arg(index));
    return index * 10;
}

Result<void> voidStep(int index, int failAt, QList<int> &ran)
{
    ran.append(index);
    if (index == failAt)
        return fail(ErrorCode::NotFound, u"step %1 failed"_s.arg(index));
    return {};
}

// Three steps in a row, in the usual shape of a service: mixed Result types, early return.
Result<QString> chain(int failAt, QList<int> &ran)
{
    LECTERN_TRY(step(1, failAt, ran));
    LECTERN_TRY(voidStep(2, failAt, ran));
    LECTERN_TRY(step(3, failAt, ran));
    return u"done"_s;
}

Result<int> sumOfSteps(int failAt, QList<int> &ran)
{
    LECTERN_TRY_ASSIGN(const int first, step(1, failAt, ran));
    LECTERN_TRY_ASSIGN(int second, step(2, failAt, ran));
    return first + second;
}

} // namespace

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
    QTest::newRow("forbidden") << QString::fromLatin1(ErrorCode::Forbidden) << u"forbidden"_s;
    QTest::newRow("not_found") << QString::fromLatin1(ErrorCode::NotFound) << u"not_found"_s;
    QTest::newRow("conflict") << QString::fromLatin1(ErrorCode::Conflict) << u"conflict"_s;
    QTest::newRow("already_exists")
        << QString::fromLatin1(ErrorCode::AlreadyExists) << u"already_exists"_s;
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

void TestResult::syncReasonsSpellLikeErrorCodes_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("wireCode");

    // A sync push refuses with the codes REST answers (one table), plus three only sync has;
    // outside tools read both, so every spelling is pinned here.
    QTest::newRow("forbidden") << QString::fromLatin1(Sync::Reason::Forbidden) << u"forbidden"_s;
    QTest::newRow("not_found") << QString::fromLatin1(Sync::Reason::NotFound) << u"not_found"_s;
    QTest::newRow("validation_failed")
        << QString::fromLatin1(Sync::Reason::ValidationFailed) << u"validation_failed"_s;
    QTest::newRow("already_exists")
        << QString::fromLatin1(Sync::Reason::AlreadyExists) << u"already_exists"_s;
    QTest::newRow("conflict") << QString::fromLatin1(Sync::Reason::Conflict) << u"conflict"_s;
    QTest::newRow("unknown_entity")
        << QString::fromLatin1(Sync::Reason::UnknownEntity) << u"unknown_entity"_s;
    QTest::newRow("server_decides")
        << QString::fromLatin1(Sync::Reason::ServerDecides) << u"server_decides"_s;
    QTest::newRow("append_only") << QString::fromLatin1(Sync::Reason::AppendOnly)
                                 << u"append_only"_s;
}

void TestResult::syncReasonsSpellLikeErrorCodes()
{
    QFETCH(QString, reason);
    QFETCH(QString, wireCode);

    QCOMPARE(reason, wireCode);
}

void TestResult::tryStopsAtTheFirstError_data()
{
    QTest::addColumn<int>("failAt");
    QTest::addColumn<QList<int>>("ran");
    QTest::addColumn<QString>("code");

    QTest::newRow("all succeed") << 0 << QList<int> {1, 2, 3} << QString();
    QTest::newRow("first fails") << 1 << QList<int> {1} << u"conflict"_s;
    QTest::newRow("void step fails") << 2 << QList<int> {1, 2} << u"not_found"_s;
    QTest::newRow("last fails") << 3 << QList<int> {1, 2, 3} << u"conflict"_s;
}

void TestResult::tryStopsAtTheFirstError()
{
    QFETCH(int, failAt);
    QFETCH(QList<int>, ran);
    QFETCH(QString, code);

    QList<int> steps;
    const Result<QString> result = chain(failAt, steps);
    QCOMPARE(steps, ran);
    if (code.isEmpty()) {
        QVERIFY(result.isOk());
        QCOMPARE(*result, u"done"_s);
    } else {
        QVERIFY(!result.isOk());
        // The error arrives as the failing step made it, words included.
        QCOMPARE(result.error(), Error(code, u"step %1 failed"_s.arg(failAt)));
    }
}

void TestResult::tryEvaluatesItsExpressionOnce()
{
    int calls = 0;
    const auto counted = [&]() -> Result<void> {
        ++calls;
        return {};
    };
    const auto run = [&]() -> Result<int> {
        LECTERN_TRY(counted());
        LECTERN_TRY_ASSIGN(auto value, ([&]() -> Result<int> {
                               ++calls;
                               return 7;
                           }()));
        return value;
    };
    const Result<int> result = run();
    QVERIFY(result.isOk());
    QCOMPARE(*result, 7);
    QCOMPARE(calls, 2);
}

void TestResult::tryAssignBindsTheValue()
{
    QList<int> ran;
    const Result<int> sum = sumOfSteps(0, ran);
    QVERIFY(sum.isOk());
    QCOMPARE(*sum, 30);
    QCOMPARE(ran, (QList<int> {1, 2}));

    // A value that can only be moved is moved out, not copied.
    const auto make = []() -> Result<std::unique_ptr<int>> {
        return std::make_unique<int>(5);
    };
    const auto take = [&]() -> Result<int> {
        LECTERN_TRY_ASSIGN(std::unique_ptr<int> owned, make());
        return *owned + 1;
    };
    const Result<int> taken = take();
    QVERIFY(taken.isOk());
    QCOMPARE(*taken, 6);
}

void TestResult::tryAssignPassesTheErrorOn()
{
    QList<int> ran;
    const Result<int> sum = sumOfSteps(1, ran);
    QVERIFY(!sum.isOk());
    QCOMPARE(sum.error(), Error(u"conflict"_s, u"step 1 failed"_s));
    QCOMPARE(ran, QList<int> {1}); // nothing after the failing step ran
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
