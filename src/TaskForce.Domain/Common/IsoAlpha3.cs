using System.Collections.Frozen;

namespace TaskForce.Domain.Common;

/// <summary>
/// ISO 3166-1 alpha-3 codes (e.g. <c>IDN</c>, <c>MYS</c>, <c>TLS</c>) and their alpha-2 equivalents: CTDC data sets
/// use alpha-3 for citizenship and country of exploitation, the TaskForce contract uses alpha-2
/// (docs/wire-contract.md).
/// </summary>
/// <remarks>The 249 pairs are those of ISO 3166-1 as distributed by Debian's iso-codes 4.15.0
/// (<c>iso_3166-1.json</c>); the alpha-2 side is exactly the set <see cref="CountryCode"/> accepts.</remarks>
public static class IsoAlpha3
{
    private static readonly FrozenDictionary<string, string> ToAlpha2Map = (
        "ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE BABIH BBBRB " +
        "BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS BTBTN BVBVT BWBWA BYBLR " +
        "BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR " +
        "CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK " +
        "FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS " +
        "GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN " +
        "ISISL ITITA JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO " +
        "LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD " +
        "MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM NCNCL NENER " +
        "NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM " +
        "PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA SASAU SBSLB SCSYC SDSDN SESWE SGSGP " +
        "SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF " +
        "TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY " +
        "UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR VNVNM VUVUT WFWLF WSWSM YEYEM YTMYT ZAZAF ZMZMB ZWZWE")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenDictionary(p => p[2..], p => p[..2], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ToAlpha3Map =
        ToAlpha2Map.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Gets the number of pairs.</summary>
    /// <value>249.</value>
    public static int Count => ToAlpha2Map.Count;

    /// <summary>Converts an alpha-3 code to the country code.</summary>
    /// <param name="alpha3">Three upper-case letters, e.g. <c>MYS</c>.</param>
    /// <param name="country">The country, e.g. <c>MY</c>, when the code is assigned.</param>
    /// <returns><see langword="true"/> when <paramref name="alpha3"/> is an assigned alpha-3 code.</returns>
    public static bool TryToCountry(string? alpha3, out CountryCode? country)
    {
        if (alpha3 is not null && ToAlpha2Map.TryGetValue(alpha3, out string? a2))
        {
            country = CountryCode.Parse(a2, "country");
            return true;
        }

        country = null;
        return false;
    }

    /// <summary>Returns the alpha-3 code of a country.</summary>
    /// <param name="country">The country. Cannot be <see langword="null"/>.</param>
    /// <returns>For example <c>IDN</c> for <c>ID</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="country"/> is <see langword="null"/>.</exception>
    public static string Of(CountryCode country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return ToAlpha3Map[country.Value];
    }
}
