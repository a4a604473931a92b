using TaskForce.Domain.Common;
using TaskForce.Domain.Estimation;

namespace TaskForce.Domain.Tests.Estimation;

public sealed class CaptureHistoryTableTests
{
    [Fact]
    public void Parse_ReadsListsCountsAndOverlaps_GivenSparseMseCsvText()
    {
        CaptureHistoryTable table = CaptureHistoryTable.Parse("LA,NG,PF,count\r\n1,0,0,54\n0,1,0,463\n1,1,0,15\n\n1,0,1,19\n1,1,1,1\n");

        Assert.Equal(["LA", "NG", "PF"], table.Lists);
        Assert.Equal(54 + 463 + 15 + 19 + 1, table.ObservedTotal);
        Assert.Equal(15 + 1, table.PairOverlap(0, 1));
        Assert.Equal(19 + 1, table.PairOverlap(0, 2));
        Assert.Equal(1, table.PairOverlap(1, 2));
        Assert.Equal(54 + 15 + 19 + 1, table.ListTotal(0));
        Assert.Empty(table.EmptyOverlapPairs);
        Assert.Empty(table.IsolatedLists);
    }

    [Fact]
    public void Parse_ReadsTheUkSample_GivenTheFile()
    {
        CaptureHistoryTable table = MseReference.Table("UKdat");

        Assert.Equal(2744, table.ObservedTotal);
        Assert.Equal(25, table.RowCount);
        Assert.Equal(["LA:GP", "LA:NCA"], table.EmptyOverlapPairs.Select(p => p.Name(table.Lists)));
    }

    [Fact]
    public void Create_Throws_GivenOneListOnly()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CaptureHistoryTable.Create(["police"], [new([1], 12)]));

        Assert.Equal("lists", ex.Field);
        Assert.Contains("at least 2 lists", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Throws_GivenNoLists()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CaptureHistoryTable.Create([], []));

        Assert.Equal("lists", ex.Field);
    }

    [Fact]
    public void Create_Throws_GivenAllCountsZero()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 0), new([0, 1], 0), new([1, 1], 0)]));

        Assert.Equal("rows", ex.Field);
        Assert.Contains("All counts are zero", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Create_Throws_GivenCellOtherThanZeroOrOne(int cell)
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 5), new([cell, 1], 3)]));

        Assert.Equal("rows[1].cells[0]", ex.Field);
    }

    [Fact]
    public void Parse_Throws_GivenCellThatIsNotANumber()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CaptureHistoryTable.Parse("A,B,count\n1,0,5\nyes,1,3\n"));

        Assert.Equal("rows[1].cells[0]", ex.Field);
        Assert.Contains("Line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Throws_GivenNegativeCount()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 5), new([0, 1], -2), new([1, 1], 1)]));

        Assert.Equal("rows[1].count", ex.Field);
    }

    [Fact]
    public void Create_Throws_GivenDuplicatePatternRow()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 5), new([1, 1], 2), new([1, 0], 7)]));

        Assert.Equal("rows[2].cells", ex.Field);
        Assert.Contains("repeats the pattern of row 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Throws_GivenRowOnNoList()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            CaptureHistoryTable.Create(["A", "B"], [new([1, 0], 5), new([0, 0], 9)]));

        Assert.Equal("rows[1].cells", ex.Field);
    }

    [Fact]
    public void Create_Throws_GivenListThatNobodyIsOn()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            CaptureHistoryTable.Create(["A", "B", "C"], [new([1, 0, 0], 5), new([0, 1, 0], 4), new([1, 1, 0], 2)]));

        Assert.Equal("lists", ex.Field);
        Assert.Contains("'C'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A", "A")]
    [InlineData("A", " ")]
    [InlineData("A", "B:C")]
    public void Create_Throws_GivenBadListNames(string first, string second)
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            CaptureHistoryTable.Create([first, second], [new([1, 1], 5)]));

        Assert.Equal("lists", ex.Field);
    }

    [Fact]
    public void Create_Throws_GivenRowOfWrongWidth()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            CaptureHistoryTable.Create(["A", "B"], [new([1, 0, 1], 5)]));

        Assert.Equal("rows[0].cells", ex.Field);
    }

    [Fact]
    public void Parse_Throws_GivenHeaderWithoutCountColumn()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CaptureHistoryTable.Parse("A,B,C\n1,0,1\n"));

        Assert.Equal("lists", ex.Field);
    }

    [Fact]
    public void IsolatedLists_NamesListSharingNobody_GivenThreeLists()
    {
        CaptureHistoryTable table = CaptureHistoryTable.Create(
            ["A", "B", "C"], [new([1, 0, 0], 30), new([0, 1, 0], 20), new([1, 1, 0], 6), new([0, 0, 1], 9)]);

        Assert.Equal(["C"], table.IsolatedLists);
        Assert.Equal(["A:C", "B:C"], table.EmptyOverlapPairs.Select(p => p.Name(table.Lists)));
    }
}
