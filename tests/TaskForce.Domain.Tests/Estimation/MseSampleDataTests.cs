using TaskForce.Domain.Estimation;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Estimation;

/// <summary>The copy of the published list data in samples/mse is the one its README describes: the committed
/// checksums, and the lists and victim counts of the publications (Silverman 2014: 2,744 victims seen in the UK on
/// six lists; Silverman 2020: 8,234 in the Netherlands), written by hand.</summary>
public sealed class MseSampleDataTests
{
    [Theory]
    [InlineData("Ned.csv")]
    [InlineData("Ned_5.csv")]
    [InlineData("UKdat.csv")]
    [InlineData("UKdat_5.csv")]
    [InlineData("reference.json")]
    public void SampleFile_MatchesTheCommittedChecksum_GivenEachFile(string name)
    {
        var sums = RepoData.Checksums(Path.Combine(RepoData.MseFolder, "SHA256SUMS"));

        Assert.Equal(sums[name], RepoData.Sha256(Path.Combine(RepoData.MseFolder, name)));
    }

    [Theory]
    [InlineData("UKdat", "LA,NG,PF,GO,GP,NCA", 25, 2744)]
    [InlineData("UKdat_5", "LA,NG,PFNCA,GO,GP", 18, 2744)]
    [InlineData("Ned", "I,K,O,P,R,Z", 24, 8234)]
    [InlineData("Ned_5", "IO,K,P,R,Z", 17, 8234)]
    public void SampleTable_HasThePublishedListsAndCounts_GivenEachDataSet(string dataSet, string lists, int rows, long observed)
    {
        CaptureHistoryTable table = MseReference.Table(dataSet);

        Assert.Equal(lists, string.Join(',', table.Lists));
        Assert.Equal(rows, table.RowCount);
        Assert.Equal(observed, table.ObservedTotal);
    }
}
