using TaskForce.Domain.Detention;

namespace TaskForce.Domain.Tests.Detention;

/// <summary>Every distinct label of the verdict data, read by hand (KUHAP Pasal 24–29; see the mapper's remarks).</summary>
public class DetentionLabelMapperTests
{
    [Theory]
    [InlineData("penyidik", "penyidik")]
    [InlineData("perpanjangan penuntut umum", "penyidik_perpanjangan")]
    [InlineData("perpanjangan penuntut umum (Pasal 24)", "penyidik_perpanjangan")]
    [InlineData("perpanjangan ketua PN (penyidikan, 1)", "penyidik_pasal29_1")]
    [InlineData("perpanjangan ketua PN (penyidikan, 1, Pasal 29)", "penyidik_pasal29_1")]
    [InlineData("perpanjangan ketua PN (penyidikan, 2)", "penyidik_pasal29_2")]
    [InlineData("perpanjangan wakil ketua PN (penyidikan, 1)", "penyidik_pasal29_1")]
    [InlineData("perpanjangan wakil ketua PN (penyidikan, 2)", "penyidik_pasal29_2")]
    [InlineData("perpanjangan ketua PN (penyidikan)", "penyidik_pasal29_1")]
    [InlineData("perpanjangan ketua PN (penyidikan, Pasal 29 KUHAP)", "penyidik_pasal29_1")]
    [InlineData("penuntut umum", "penuntut_umum")]
    [InlineData("perpanjangan ketua PN (penuntutan)", "penuntut_umum_perpanjangan")]
    [InlineData("perpanjangan ketua PN (penuntutan, 1)", "penuntut_umum_perpanjangan")]
    [InlineData("perpanjangan ketua PN (penuntutan, Pasal 25)", "penuntut_umum_perpanjangan")]
    [InlineData("perpanjangan ketua PN (penuntutan, 1, Pasal 25)", "penuntut_umum_perpanjangan")]
    [InlineData("hakim PN", "hakim_pn")]
    [InlineData("majelis hakim", "hakim_pn")]
    [InlineData("perpanjangan ketua PN", "hakim_pn_perpanjangan")]
    [InlineData("perpanjangan ketua PN (1)", "hakim_pn_perpanjangan")]
    [InlineData("perpanjangan wakil ketua PN", "hakim_pn_perpanjangan")]
    [InlineData("perpanjangan ketua PT (1)", "hakim_pn_pasal29_1")]
    [InlineData("perpanjangan ketua PT (2)", "hakim_pn_pasal29_2")]
    [InlineData("perpanjangan ketua PT", "hakim_pn_pasal29_1")]
    [InlineData("perpanjangan pertama ketua MS (Pasal 29; sic)", "unrecognised")]
    [InlineData("perpanjangan pertama oleh penuntut umum (penyidikan; sic)", "unrecognised")]
    [InlineData("perpanjangan ketua PN (penuntutan, 2)", "unrecognised")]
    [InlineData("perpanjangan ketua PT (penyidikan, 1)", "unrecognised")]
    [InlineData("perpanjangan ketua PT (3)", "unrecognised")]
    [InlineData("tahanan negara", "unrecognised")]
    [InlineData("", "unrecognised")]
    public void Map_ReadsStage_GivenVerdictLabel(string label, string expected)
    {
        var mapping = DetentionLabelMapper.Map(label);
        Assert.Equal(expected, mapping.StageCode);
        Assert.Equal(expected != "unrecognised", mapping.Recognised);
        if (!mapping.Recognised)
        {
            Assert.False(string.IsNullOrWhiteSpace(mapping.Note));
        }
    }

    [Theory]
    [InlineData("penuntut umum (tahanan kota)", "penuntut_umum")]
    [InlineData("hakim PN (tahanan kota)", "hakim_pn")]
    [InlineData("perpanjangan ketua PN (tahanan kota)", "hakim_pn_perpanjangan")]
    [InlineData("perpanjangan ketua PT (1) (tahanan kota)", "hakim_pn_pasal29_1")]
    [InlineData("perpanjangan ketua PT (2) (tahanan kota)", "hakim_pn_pasal29_2")]
    public void Map_KeepsStageAndMarksCityArrest_GivenTahananKotaSuffix(string label, string expected)
    {
        var mapping = DetentionLabelMapper.Map(label);
        Assert.Equal((expected, DetentionType.TahananKota), (mapping.StageCode, mapping.Type));
    }

    [Fact]
    public void MapChain_NumbersUnnumberedPasal29ByPosition_AndRefusesAThird()
    {
        var chain = DetentionLabelMapper.MapChain(["hakim PN", "perpanjangan ketua PN", "perpanjangan ketua PT", "perpanjangan ketua PT", "perpanjangan ketua PT"]);
        Assert.Equal(["hakim_pn", "hakim_pn_perpanjangan", "hakim_pn_pasal29_1", "hakim_pn_pasal29_2", "unrecognised"], chain.Select(m => m.StageCode));

        var mixed = DetentionLabelMapper.MapChain(["perpanjangan ketua PN (penyidikan, 1)", "perpanjangan ketua PN (penyidikan)"]);
        Assert.Equal(["penyidik_pasal29_1", "penyidik_pasal29_2"], mixed.Select(m => m.StageCode));
    }
}
