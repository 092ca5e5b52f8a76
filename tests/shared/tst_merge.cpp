#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <lectern/merge.h>

using namespace Lectern;
using namespace Lectern::Merge;
using namespace Qt::StringLiterals;

// Three-way merge (docs/architecture.md, "Merge rules"): two people editing different parts of a
// lesson both keep their work; editing the same lines differently shows both versions between
// markers, and each kind of field combines by its own rule.
class TestMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeText_data();
    void mergeText();
    void mergeIsSymmetricInConflicts_data();
    void mergeIsSymmetricInConflicts();
    void oneSidedMergesGiveThatSide_data();
    void oneSidedMergesGiveThatSide();
    void separateEditsMerge_data();
    void separateEditsMerge();
    void diffLines_data();
    void diffLines();
    void diffReconstructsBothTexts_data();
    void diffReconstructsBothTexts();
    void diffIsMinimal_data();
    void diffIsMinimal();
    void megabyteTexts();
    void mergeField_data();
    void mergeField();
    void keepBoth_data();
    void keepBoth();
};

namespace {
QString marked(const QString &mine, const QString &theirs)
{
    return u"<<<<<<< mine\n"_s + mine + u"=======\n"_s + theirs + u">>>>>>> theirs\n"_s;
}

// Lines from a small vocabulary, so that texts share many equal lines (the hard case for a diff).
QString randomText(QRandomGenerator &random, int maxLines, int vocabulary)
{
    QString text;
    const int lines = int(random.bounded(maxLines + 1));
    for (int i = 0; i < lines; ++i) {
        const int word = int(random.bounded(vocabulary));
        // A few empty lines and a few CRs, which are text like any other.
        if (word == 0)
            text += u'\n';
        else if (word == 1)
            text += u"w1\r\n"_s;
        else
            text += u"w%1\n"_s.arg(word);
    }
    if (!text.isEmpty() && random.bounded(3) == 0)
        text.chop(1); // no line break at the end
    return text;
}

// A copy of `text` with a few random lines changed, inserted and deleted.
QString randomEdit(QRandomGenerator &random, const QString &text, int vocabulary)
{
    QStringList lines = text.split(u'\n');
    const int edits = 1 + int(random.bounded(4));
    for (int e = 0; e < edits; ++e) {
        const int at = int(random.bounded(int(lines.size()) + 1));
        const QString line = u"e%1"_s.arg(random.bounded(vocabulary));
        switch (random.bounded(3)) {
        case 0:
            lines.insert(at, line);
            break;
        case 1:
            if (at < lines.size())
                lines[at] = line;
            break;
        default:
            if (at < lines.size() && lines.size() > 1)
                lines.removeAt(at);
        }
    }
    return lines.join(u'\n');
}

QString join(const QList<DiffLine> &lines, DiffLine::Kind skip)
{
    QString text;
    for (const DiffLine &line : lines) {
        if (line.kind == skip)
            continue;
        text += line.text;
        if (line.lineBreak)
            text += u'\n';
    }
    return text;
}

int lcsLength(const QStringList &a, const QStringList &b)
{
    QList<int> row(b.size() + 1, 0);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = 0;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The lines of a text as the merge sees them: each with its line break, if it has one.
QStringList linesOf(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) {
            lines.append(text.mid(start));
            break;
        }
        lines.append(text.mid(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

QJsonValue json(const char *text)
{
    if (qstrcmp(text, "undefined") == 0)
        return QJsonValue(QJsonValue::Undefined);
    const QByteArray wrapped = QByteArray("[") + text + ']';
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return document.array().at(0);
}
} // namespace

void TestMerge::mergeText_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("mine");
    QTest::addColumn<QString>("theirs");
    QTest::addColumn<QString>("merged");
    QTest::addColumn<int>("conflicts");

    QTest::newRow("different paragraphs")
        << u"Intro line.\n\nMiddle paragraph.\n\nClosing line.\n"_s
        << u"Intro line, reworded.\n\nMiddle paragraph.\n\nClosing line.\n"_s
        << u"Intro line.\n\nMiddle paragraph.\n\nClosing line, reworded.\n"_s
        << u"Intro line, reworded.\n\nMiddle paragraph.\n\nClosing line, reworded.\n"_s << 0;
    QTest::newRow("neighbouring lines")
        << u"a\nb\nc\n"_s << u"A\nb\nc\n"_s << u"a\nB\nc\n"_s << u"A\nB\nc\n"_s << 0;
    QTest::newRow("neighbouring multi-line edits")
        << u"1\n2\n3\n4\n5\n6\n"_s << u"1\nTWO\nTHREE\n4\n5\n6\n"_s << u"1\n2\n3\nFOUR\n5\n6\n"_s
        << u"1\nTWO\nTHREE\nFOUR\n5\n6\n"_s << 0;
    QTest::newRow("same sentence")
        << u"Intro.\nThe cat sat.\nOutro.\n"_s << u"Intro.\nThe dog sat.\nOutro.\n"_s
        << u"Intro.\nThe cat stood.\nOutro.\n"_s
        << u"Intro.\n"_s + marked(u"The dog sat.\n"_s, u"The cat stood.\n"_s) + u"Outro.\n"_s << 1;
    QTest::newRow("same change on both sides")
        << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << u"a\nB\nc\n"_s << u"a\nB\nc\n"_s << 0;
    QTest::newRow("same change and different ones")
        << u"a\nb\nc\nd\ne\n"_s << u"a\nB\nc\nd\nE\n"_s << u"a\nB\nc\nD\ne\n"_s
        << u"a\nB\nc\nD\nE\n"_s << 0;
    // diff3 compares hunks, not lines: theirs changed a and b in one hunk, which overlaps mine.
    // Only the part where the sides differ is between the markers.
    QTest::newRow("same change inside a larger one")
        << u"a\nb\nc\nd\n"_s << u"a\nB\nc\nD\n"_s << u"A\nB\nc\nd\n"_s
        << marked(u"a\n"_s, u"A\n"_s) + u"B\nc\nD\n"_s << 1;
    QTest::newRow("both delete the same line")
        << u"a\nb\nc\n"_s << u"a\nc\n"_s << u"a\nc\n"_s << u"a\nc\n"_s << 0;
    QTest::newRow("deletion against an edit of the line")
        << u"a\nb\nc\n"_s << u"a\nc\n"_s << u"a\nB\nc\n"_s
        << u"a\n"_s + marked({}, u"B\n"_s) + u"c\n"_s << 1;
    QTest::newRow("edit against a deletion of the line")
        << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << u"a\nc\n"_s
        << u"a\n"_s + marked(u"B\n"_s, {}) + u"c\n"_s << 1;
    QTest::newRow("deletion and an edit of the next line")
        << u"a\nb\nc\n"_s << u"a\nc\n"_s << u"a\nb\nC\n"_s << u"a\nC\n"_s << 0;
    QTest::newRow("deletion and an insertion after the deleted line")
        << u"a\nb\nc\n"_s << u"a\nc\n"_s << u"a\nb\nX\nc\n"_s << u"a\nX\nc\n"_s << 0;
    QTest::newRow("insertions at the same spot")
        << u"a\nb\n"_s << u"a\nX\nb\n"_s << u"a\nY\nb\n"_s
        << u"a\n"_s + marked(u"X\n"_s, u"Y\n"_s) + u"b\n"_s << 1;
    QTest::newRow("same insertion at the same spot")
        << u"a\nb\n"_s << u"a\nX\nb\n"_s << u"a\nX\nb\n"_s << u"a\nX\nb\n"_s << 0;
    QTest::newRow("insertion before a line the other edits")
        << u"a\nb\n"_s << u"a\nX\nb\n"_s << u"a\nB\n"_s << u"a\nX\nB\n"_s << 0;
    QTest::newRow("insertion after a line the other edits")
        << u"a\nb\n"_s << u"a\nX\nb\n"_s << u"A\nb\n"_s << u"A\nX\nb\n"_s << 0;
    QTest::newRow("insertion inside lines the other replaced")
        << u"a\nb\nc\nd\n"_s << u"a\nb\nX\nc\nd\n"_s << u"a\nB\nC\nd\n"_s
        << u"a\n"_s + marked(u"b\nX\nc\n"_s, u"B\nC\n"_s) + u"d\n"_s << 1;
    QTest::newRow("empty base, both write")
        << QString() << u"mine\n"_s << u"theirs\n"_s << marked(u"mine\n"_s, u"theirs\n"_s) << 1;
    QTest::newRow("empty base, both write the same")
        << QString() << u"same\n"_s << u"same\n"_s << u"same\n"_s << 0;
    QTest::newRow("empty base, one writes")
        << QString() << QString() << u"theirs\n"_s << u"theirs\n"_s << 0;
    QTest::newRow("everything deleted on one side, an edit on the other")
        << u"a\nb\n"_s << QString() << u"a\nB\n"_s << marked({}, u"a\nB\n"_s) << 1;
    QTest::newRow("a line break added at the end")
        << u"a\nb"_s << u"a\nb\n"_s << u"A\nb"_s << u"A\nb\n"_s << 0;
    QTest::newRow("a line appended to a text without a final line break")
        << u"a\nb\nc"_s << u"a\nb\nc\nd"_s << u"A\nb\nc"_s << u"A\nb\nc\nd"_s << 0;
    QTest::newRow("no final line break kept")
        << u"a\nb\nc"_s << u"A\nb\nc"_s << u"a\nb\nC"_s << u"A\nb\nC"_s << 0;
    QTest::newRow("conflict on a last line without a line break")
        << u"a\nb"_s << u"a\nB1"_s << u"a\nB2"_s << u"a\n"_s + marked(u"B1\n"_s, u"B2\n"_s) << 1;
    QTest::newRow("CRLF lines") << u"a\r\nb\r\nc\r\n"_s << u"A\r\nb\r\nc\r\n"_s
                                << u"a\r\nb\r\nC\r\n"_s << u"A\r\nb\r\nC\r\n"_s << 0;
    QTest::newRow("CRLF converted on one side is a change of every line")
        << u"a\r\nb\r\n"_s << u"A\r\nb\r\n"_s << u"a\nb\n"_s << marked(u"A\r\nb\r\n"_s, u"a\nb\n"_s)
        << 1;
    QTest::newRow("lines both sides agree on stay outside the markers")
        << u"x\n"_s << u"a\nM\nz\n"_s << u"a\nT\nz\n"_s
        << u"a\n"_s + marked(u"M\n"_s, u"T\n"_s) + u"z\n"_s << 1;
    QTest::newRow("two conflicts")
        << u"1\n2\n3\n4\n5\n"_s << u"1m\n2\n3\n4\n5m\n"_s << u"1t\n2\n3\n4\n5t\n"_s
        << marked(u"1m\n"_s, u"1t\n"_s) + u"2\n3\n4\n"_s + marked(u"5m\n"_s, u"5t\n"_s) << 2;
    QTest::newRow("chained overlaps make one conflict")
        << u"a\nb\nc\nd\ne\n"_s << u"a\nB\nC\nd\ne\n"_s << u"a\nb\nC2\nD2\ne\n"_s
        << u"a\n"_s + marked(u"B\nC\nd\n"_s, u"b\nC2\nD2\n"_s) + u"e\n"_s << 1;
    QTest::newRow("all three equal") << u"a\nb"_s << u"a\nb"_s << u"a\nb"_s << u"a\nb"_s << 0;
    QTest::newRow("all empty") << QString() << QString() << QString() << QString() << 0;
}

void TestMerge::mergeText()
{
    QFETCH(QString, base);
    QFETCH(QString, mine);
    QFETCH(QString, theirs);
    QFETCH(QString, merged);
    QFETCH(int, conflicts);
    const TextMerge result = Merge::mergeText(base, mine, theirs);
    QCOMPARE(result.merged, merged);
    QCOMPARE(result.conflicts, conflicts);
    QCOMPARE(result.clean, conflicts == 0);
}

void TestMerge::mergeIsSymmetricInConflicts_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 200; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestMerge::mergeIsSymmetricInConflicts()
{
    // Swapping the sides swaps the sides of every conflict and changes nothing else.
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const QString base = randomText(random, 30, 8);
    const QString mine = randomEdit(random, base, 8);
    const QString theirs = randomEdit(random, base, 8);
    const TextMerge forward = Merge::mergeText(base, mine, theirs);
    const TextMerge backward = Merge::mergeText(base, theirs, mine);
    QCOMPARE(forward.conflicts, backward.conflicts);
    QCOMPARE(forward.clean, backward.clean);
    if (forward.clean)
        QCOMPARE(forward.merged, backward.merged);
}

void TestMerge::oneSidedMergesGiveThatSide_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 300; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestMerge::oneSidedMergesGiveThatSide()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const QString base = randomText(random, 40, 6);
    const QString other = seed % 2 ? randomEdit(random, base, 6) : randomText(random, 40, 6);

    TextMerge result = Merge::mergeText(base, other, base);
    QVERIFY(result.clean);
    QCOMPARE(result.merged, other);
    result = Merge::mergeText(base, base, other);
    QVERIFY(result.clean);
    QCOMPARE(result.merged, other);
    result = Merge::mergeText(base, other, other);
    QVERIFY(result.clean);
    QCOMPARE(result.merged, other);
    result = Merge::mergeText(other, other, other);
    QVERIFY(result.clean);
    QCOMPARE(result.merged, other);
}

void TestMerge::separateEditsMerge_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 300; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestMerge::separateEditsMerge()
{
    // Each side replaces, deletes or inserts lines in its own ranges of the base (ranges of the two
    // sides may touch but not overlap, and never insert at the same spot): the merge is clean and
    // holds every edit of both.
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const int baseLines = 1 + int(random.bounded(60));
    const bool finalBreak = random.bounded(4) != 0;
    QStringList base;
    for (int i = 0; i < baseLines; ++i)
        base.append(u"base line %1 %2"_s.arg(i).arg(random.bounded(1000)));

    struct Edit
    {
        int begin, end; // base lines replaced
        bool theirs;
        QStringList lines;
    };
    QList<Edit> edits;
    int previousEnd[2] = {-2, -2}; // per side: a side's own edits keep a base line between them
    // Without a final line break the last line stays, so that no edit touches the line break.
    const int limit = finalBreak ? baseLines : baseLines - 1;
    int position = int(random.bounded(3));
    int newLine = 0;
    while (position <= limit) {
        const bool theirs = random.bounded(2) == 1;
        const int begin = std::max(position, previousEnd[theirs] + 1);
        if (begin > limit)
            break;
        const int end = std::min(limit, begin + int(random.bounded(4)));
        QStringList lines;
        const int count = begin == end ? 1 + int(random.bounded(3)) : int(random.bounded(4));
        for (int i = 0; i < count; ++i)
            lines.append(u"%1 edit %2"_s.arg(theirs ? u"theirs"_s : u"mine"_s).arg(newLine++));
        edits.append({begin, end, theirs, lines});
        previousEnd[theirs] = end;
        // An insertion is followed by a gap so that the other side cannot insert at the same spot.
        position = end + (begin == end ? 1 : 0) + int(random.bounded(3));
    }

    const auto build = [&](bool withMine, bool withTheirs) {
        QStringList lines;
        int at = 0;
        for (const Edit &edit : std::as_const(edits)) {
            if ((edit.theirs && !withTheirs) || (!edit.theirs && !withMine))
                continue;
            for (; at < edit.begin; ++at)
                lines.append(base[at]);
            lines.append(edit.lines);
            at = edit.end;
        }
        for (; at < baseLines; ++at)
            lines.append(base[at]);
        QString text = lines.join(u'\n');
        if (finalBreak && !lines.isEmpty())
            text += u'\n';
        return text;
    };
    const QString baseText = build(false, false);
    const QString mine = build(true, false);
    const QString theirs = build(false, true);
    const QString expected = build(true, true);

    const TextMerge result = Merge::mergeText(baseText, mine, theirs);
    QVERIFY2(result.clean, qPrintable(result.merged));
    QCOMPARE(result.merged, expected);
    const TextMerge swapped = Merge::mergeText(baseText, theirs, mine);
    QVERIFY(swapped.clean);
    QCOMPARE(swapped.merged, expected);
}

void TestMerge::diffLines_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected"); // one character a line: = same, - removed, + added

    QTest::newRow("equal") << u"a\nb\n"_s << u"a\nb\n"_s << u"=="_s;
    QTest::newRow("both empty") << QString() << QString() << QString();
    QTest::newRow("from empty") << QString() << u"a\nb"_s << u"++"_s;
    QTest::newRow("to empty") << u"a\n"_s << QString() << u"-"_s;
    QTest::newRow("changed line") << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << u"=-+="_s;
    QTest::newRow("inserted line") << u"a\nc\n"_s << u"a\nb\nc\n"_s << u"=+="_s;
    QTest::newRow("removed line") << u"a\nb\nc\n"_s << u"a\nc\n"_s << u"=-="_s;
    QTest::newRow("line break added at the end") << u"a\nb"_s << u"a\nb\n"_s << u"=-+"_s;
    QTest::newRow("empty lines count") << u"a\n\nb\n"_s << u"a\nb\n"_s << u"=-="_s;
}

void TestMerge::diffLines()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    const QList<DiffLine> lines = Merge::diffLines(a, b);
    QString kinds;
    for (const DiffLine &line : lines)
        kinds += line.kind == DiffLine::Kind::Same
            ? u'='
            : (line.kind == DiffLine::Kind::Removed ? u'-' : u'+');
    QCOMPARE(kinds, expected);
    for (const DiffLine &line : lines)
        QVERIFY(!line.text.contains(u'\n'));
    QCOMPARE(join(lines, DiffLine::Kind::Removed), b);
    QCOMPARE(join(lines, DiffLine::Kind::Added), a);
}

void TestMerge::diffReconstructsBothTexts_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 300; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestMerge::diffReconstructsBothTexts()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const QString a = randomText(random, 80, 2 + int(seed % 10));
    const QString b = seed % 3 ? randomEdit(random, a, 5) : randomText(random, 80, 5);
    const QList<DiffLine> lines = Merge::diffLines(a, b);
    QCOMPARE(join(lines, DiffLine::Kind::Added), a);
    QCOMPARE(join(lines, DiffLine::Kind::Removed), b);
}

void TestMerge::diffIsMinimal_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 200; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestMerge::diffIsMinimal()
{
    // The lines kept are a longest common subsequence, so a merge never sees edits nobody made.
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const QString a = randomText(random, 60, 2 + int(seed % 6));
    const QString b
        = seed % 2 ? randomEdit(random, a, 4) : randomText(random, 60, 2 + int(seed % 6));
    const QList<DiffLine> lines = Merge::diffLines(a, b);
    const int same = int(std::count_if(lines.cbegin(), lines.cend(), [](const DiffLine &line) {
        return line.kind == DiffLine::Kind::Same;
    }));
    QCOMPARE(same, lcsLength(linesOf(a), linesOf(b)));
}

void TestMerge::megabyteTexts()
{
    // A long lesson body (about 1 MB): separate edits merge, an overlapping one is a conflict, and
    // a wholesale rewrite on one side against an edit on the other is one conflict.
    QStringList lines;
    for (int i = 0; i < 20000; ++i)
        lines.append(u"Line %1 of a long lesson body, with enough words to be typical.\n"_s.arg(i));
    const QString base = lines.join(QString());
    QVERIFY(base.size() > 1'000'000);

    QStringList mine = lines;
    mine[100] = u"mine edited line 100\n"_s;
    mine[5000] = u"mine edited line 5000\n"_s;
    mine[19999] = u"mine edited the last line\n"_s;
    QStringList theirs = lines;
    theirs[101] = u"theirs edited line 101\n"_s;
    theirs.removeAt(17000);
    theirs.insert(15000, u"theirs inserted before line 15000\n"_s);
    theirs[10000] = u"theirs edited line 10000\n"_s;

    QStringList expected = lines;
    expected[100] = mine[100];
    expected[5000] = mine[5000];
    expected[19999] = mine[19999];
    expected[101] = theirs[101];
    expected[10000] = theirs[10000];
    expected.removeAt(17000);
    expected.insert(15000, u"theirs inserted before line 15000\n"_s);

    TextMerge result = Merge::mergeText(base, mine.join(QString()), theirs.join(QString()));
    QVERIFY(result.clean);
    QCOMPARE(result.merged, expected.join(QString()));

    theirs[5000] = u"theirs edited line 5000 as well\n"_s;
    result = Merge::mergeText(base, mine.join(QString()), theirs.join(QString()));
    QCOMPARE(result.conflicts, 1);
    QVERIFY(result.merged.contains(marked(mine[5000], theirs[5000])));

    QStringList rewritten;
    for (int i = 0; i < 20000; ++i)
        rewritten.append(u"Rewritten line %1.\n"_s.arg(i));
    result = Merge::mergeText(base, mine.join(QString()), rewritten.join(QString()));
    QCOMPARE(result.conflicts, 1);

    // A diff between two unrelated texts made of few distinct lines, where no line is unique.
    QRandomGenerator random(42);
    QString a, b;
    for (int i = 0; i < 20000; ++i) {
        a += u"repeated line %1 of a few kinds\n"_s.arg(random.bounded(40));
        b += u"repeated line %1 of a few kinds\n"_s.arg(random.bounded(40));
    }
    const QList<DiffLine> diff = Merge::diffLines(a, b);
    QCOMPARE(join(diff, DiffLine::Kind::Added), a);
    QCOMPARE(join(diff, DiffLine::Kind::Removed), b);
}

void TestMerge::mergeField_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<MergeRule>("rule");
    QTest::addColumn<QJsonValue>("base");
    QTest::addColumn<QJsonValue>("mine");
    QTest::addColumn<QJsonValue>("theirs");
    QTest::addColumn<FieldMerge::Outcome>("outcome");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("markedText");

    using O = FieldMerge::Outcome;
    const auto row
        = [](const char *name, FieldType type, MergeRule rule, const char *base, const char *mine,
             const char *theirs, O outcome, const char *value, const QString &markedText = {}) {
              QTest::newRow(name) << type << rule << json(base) << json(mine) << json(theirs)
                                  << outcome << json(value) << markedText;
          };
    const FieldType text = FieldType::Text;
    const MergeRule field = MergeRule::Field;

    row("both made the same change", text, field, R"("a")", R"("b")", R"("b")", O::KeepTheirs,
        R"("b")");
    row("mine unchanged", text, field, R"("a")", R"("a")", R"("c")", O::KeepTheirs, R"("c")");
    row("theirs unchanged", text, field, R"("a")", R"("b")", R"("a")", O::TakeMine, R"("b")");
    row("both changed differently", text, field, R"("a")", R"("b")", R"("c")", O::Conflict,
        R"("c")");
    row("null and absent are equal", text, field, "null", "undefined", R"("x")", O::KeepTheirs,
        R"("x")");
    row("theirs absent is still a null base", text, field, "null", R"("m")", "undefined",
        O::TakeMine, R"("m")");
    row("mine cleared, theirs unchanged", text, field, R"("a")", "null", R"("a")", O::TakeMine,
        "null");
    row("numbers by value (theirs)", FieldType::Number, field, "1", "2", "1.0", O::TakeMine, "2");
    row("numbers by value (mine)", FieldType::Number, field, "2", "2.0", "3", O::KeepTheirs, "3");
    row("numbers both changed", FieldType::Integer, field, "1", "2", "3", O::Conflict, "3");
    row("booleans both changed the same", FieldType::Boolean, field, "false", "true", "true",
        O::KeepTheirs, "true");
    row("order keys both moved", FieldType::OrderKey, MergeRule::Order, R"("a0")", R"("a1")",
        R"("Zz")", O::TakeMine, R"("a1")");
    row("order key only theirs moved", FieldType::OrderKey, MergeRule::Order, R"("a0")", R"("a0")",
        R"("Zz")", O::KeepTheirs, R"("Zz")");
    row("order key only mine moved", FieldType::OrderKey, MergeRule::Order, R"("a0")", R"("a1")",
        R"("a0")", O::TakeMine, R"("a1")");
    row("text, different paragraphs", FieldType::LongText, MergeRule::Text, R"("p1\n\np2\n")",
        R"("P1\n\np2\n")", R"("p1\n\nP2\n")", O::Merged, R"("P1\n\nP2\n")");
    row("text, same line", FieldType::LongText, MergeRule::Text, R"("intro\nbody\n")",
        R"("intro\nmine\n")", R"("intro\ntheirs\n")", O::Conflict, R"("intro\ntheirs\n")",
        u"intro\n"_s + marked(u"mine\n"_s, u"theirs\n"_s));
    row("text from nothing on both sides", FieldType::LongText, MergeRule::Text, "null",
        R"("mine\n")", R"("theirs\n")", O::Conflict, R"("theirs\n")",
        marked(u"mine\n"_s, u"theirs\n"_s));
    row("text cleared against an edit", FieldType::LongText, MergeRule::Text, R"("a\n")", "null",
        R"("b\n")", O::Conflict, R"("b\n")");
    row("text only mine edited", FieldType::LongText, MergeRule::Text, R"("a\n")", R"("b\n")",
        R"("a\n")", O::TakeMine, R"("b\n")");
    const FieldType object = FieldType::Json;
    row("object, different keys", object, field, R"({"a": 1, "b": 1})", R"({"a": 2, "b": 1})",
        R"({"a": 1, "b": 3})", O::Merged, R"({"a": 2, "b": 3})");
    row("object, same key differently", object, field, R"({"a": 1, "b": 1})", R"({"a": 2, "b": 1})",
        R"({"a": 3, "b": 1})", O::Conflict, R"({"a": 3, "b": 1})");
    row("object, key removed and another changed", object, field, R"({"a": 1, "b": 1})",
        R"({"b": 1})", R"({"a": 1, "b": 2})", O::Merged, R"({"b": 2})");
    row("object, key removed against its change", object, field, R"({"a": 1})", R"({})",
        R"({"a": 2})", O::Conflict, R"({"a": 2})");
    row("object, keys added on both sides", object, field, R"({})", R"({"x": true, "s": 1})",
        R"({"y": false, "s": 1.0})", O::Merged, R"({"x": true, "y": false, "s": 1})");
    row("object, nested objects merge", object, field, R"({"s": {"x": 1, "y": 1}})",
        R"({"s": {"x": 2, "y": 1}})", R"({"s": {"x": 1, "y": 2}})", O::Merged,
        R"({"s": {"x": 2, "y": 2}})");
    row("object, nested conflict", object, field, R"({"s": {"x": 1}, "t": 1})",
        R"({"s": {"x": 2}, "t": 1})", R"({"s": {"x": 3}, "t": 2})", O::Conflict,
        R"({"s": {"x": 3}, "t": 2})");
    row("object from null", object, field, "null", R"({"a": 1})", R"({"b": 2})", O::Merged,
        R"({"a": 1, "b": 2})");
    row("object, null key equals absent key", object, field, R"({"a": 1})",
        R"({"a": 1, "b": null})", R"({"a": 2})", O::KeepTheirs, R"({"a": 2})");
    row("arrays do not merge", object, field, R"([1])", R"([1, 2])", R"([0, 1])", O::Conflict,
        R"([0, 1])");
    row("object against a non-object", object, field, R"({"a": 1})", R"({"a": 2})", R"("x")",
        O::Conflict, R"("x")");
    row("objects in a non-JSON field do not merge", FieldType::Any, field, R"({"a": 1, "b": 1})",
        R"({"a": 2, "b": 1})", R"({"a": 1, "b": 3})", O::Conflict, R"({"a": 1, "b": 3})");
    row("server decides", FieldType::Enum, MergeRule::ServerDecides, R"("a")", R"("b")", R"("c")",
        O::Conflict, R"("c")");
    row("append-only changed on both sides", text, MergeRule::AppendOnly, R"("a")", R"("b")",
        R"("c")", O::Conflict, R"("c")");
}

void TestMerge::mergeField()
{
    QFETCH(FieldType, type);
    QFETCH(MergeRule, rule);
    QFETCH(QJsonValue, base);
    QFETCH(QJsonValue, mine);
    QFETCH(QJsonValue, theirs);
    QFETCH(FieldMerge::Outcome, outcome);
    QFETCH(QJsonValue, value);
    QFETCH(QString, markedText);

    FieldSpec spec;
    spec.name = u"field"_s;
    spec.type = type;
    spec.merge = rule;
    const FieldMerge result = Merge::mergeField(spec, base, mine, theirs);
    QCOMPARE(int(result.outcome), int(outcome));
    QCOMPARE(QJsonDocument(QJsonArray {result.value}).toJson(QJsonDocument::Compact),
             QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
    QCOMPARE(result.markedText, markedText);
}

void TestMerge::keepBoth_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("conflicts");
    // One sentence both changed in a longer text: the rest stays once, each side's other edits
    // merge, and only that sentence is there twice, each under its label.
    QTest::newRow("one sentence")
        << u"Intro.\n\nWear goggles.\n\nNever taste an acid.\n\nNote: internal.\n"_s
        << u"Intro, first.\n\nWear goggles.\n\nNever taste or smell an acid.\n\n"
           u"Note: internal.\n"_s
        << u"Intro.\n\nWear goggles.\n\nDo not taste any acid.\n\nNote: internal.\n"_s
        << u"Intro, first.\n\nWear goggles.\n\nA:\n\nNever taste or smell an acid.\n\n"
           u"B:\n\nDo not taste any acid.\n\nEnd.\n\n\nNote: internal.\n"_s
        << 1;
    // Nothing in common: both whole texts, the labels as paragraphs of their own.
    QTest::newRow("whole text") << u"Base"_s << u"Mine"_s << u"Theirs"_s
                                << u"A:\n\nMine\n\nB:\n\nTheirs\n\nEnd.\n\n"_s << 1;
    // No passage both changed: an ordinary merge, no labels.
    QTest::newRow("clean") << u"a\nb\nc\n"_s << u"a, 1\nb\nc\n"_s << u"a\nb\nc, 2\n"_s
                           << u"a, 1\nb\nc, 2\n"_s << 0;
}

void TestMerge::keepBoth()
{
    QFETCH(QString, base);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, expected);
    QFETCH(int, conflicts);
    const Merge::BothVersions both
        = Merge::keepBoth(base, first, second, u"A:"_s, u"B:"_s, u"End."_s);
    QCOMPARE(both.text, expected);
    QCOMPARE(both.conflicts, conflicts);
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
