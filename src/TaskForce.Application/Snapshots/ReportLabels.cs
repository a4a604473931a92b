using System.Collections.Frozen;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>Bilingual labels (Bahasa Indonesia / English) for the dimensions and codes of a snapshot, used by the
/// HTML report and the charts. Codes without a label (country codes, article ids) are shown as they are.</summary>
public static class ReportLabels
{
    private static readonly FrozenDictionary<string, string> Dimensions = new Dictionary<string, string>
    {
        ["article"] = "Pasal / Article",
        ["participation"] = "Keterlibatan / Participation",
        ["sex"] = "Jenis kelamin / Sex",
        ["age_group"] = "Kelompok umur / Age group",
        ["age_broad"] = "Kelompok umur CTDC / CTDC age group",
        ["exploitation_form"] = "Bentuk eksploitasi / Form of exploitation",
        ["citizenship"] = "Kewarganegaraan / Citizenship",
        ["destination_country"] = "Negara tujuan / Destination country",
        ["migrant_worker_status"] = "Status PMI / Migrant-worker status",
        ["case_type"] = "Jenis kasus / Case type",
        ["kecamatan"] = "Kecamatan / Sub-district",
        ["delay_days"] = "Jeda (hari) / Delay (days)",
        ["stage"] = "Tahap / Stage",
        ["from_stage"] = "Dari tahap / From stage",
        ["to_stage"] = "Ke tahap / To stage",
        ["status"] = "Status / Status",
        ["service_type"] = "Layanan / Service",
        ["outcome"] = "Hasil / Outcome",
        ["deadline"] = "Tenggat / Deadline",
        ["stat"] = "Statistik / Statistic",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["female"] = "Perempuan / Female",
        ["male"] = "Laki-laki / Male",
        ["unknown"] = "Tidak diketahui / Unknown",
        ["other"] = "Lainnya / Other",
        ["child"] = "Anak / Child",
        
        ["adult"] = "Dewasa / Adult",
        ["sexual_exploitation"] = "Eksploitasi seksual / Sexual exploitation",
        ["forced_labour"] = "Kerja paksa / Forced labour",
        ["labour_exploitation"] = "Eksploitasi tenaga kerja / Labour exploitation",
        ["not_migrant_worker"] = "Bukan PMI / Not a migrant worker",
        ["procedural"] = "PMI prosedural / Procedural migrant worker",
        ["non_procedural"] = "PMI nonprosedural / Non-procedural migrant worker",
        ["tppo"] = "TPPO / Trafficking",
        ["violence_against_women"] = "Kekerasan terhadap perempuan / Violence against women",
        ["violence_against_children"] = "Kekerasan terhadap anak / Violence against children",
        ["reported"] = "Dilaporkan / Reported",
        ["laporan_polisi"] = "Laporan polisi (LP) / Police report",
        ["spdp"] = "SPDP / Notice of investigation",
        ["p21"] = "P-21 berkas lengkap / File complete",
        ["putusan"] = "Putusan PN / First-instance verdict",
        ["inkracht"] = "Inkracht / Final verdict",
        ["restitution_ordered"] = "Restitusi diputus / Restitution ordered",
        ["restitution_paid"] = "Restitusi dibayar / Restitution paid",
        ["met"] = "Tepat waktu / On time",
        ["late"] = "Terlambat / Late",
        ["pending"] = "Belum jatuh tempo / Not yet due",
        ["stopped"] = "Dihentikan / Stopped",
        ["accepted"] = "Diterima / Accepted",
        ["rejected"] = "Ditolak / Rejected",
        ["revoked"] = "Dicabut / Revoked",
        ["in_progress"] = "Dalam proses / In progress",
        ["pengaduan_masyarakat"] = "Pengaduan masyarakat / Complaints",
        ["penjangkauan_korban"] = "Penjangkauan korban / Outreach",
        ["pengelolaan_kasus"] = "Pengelolaan kasus / Case management",
        ["penampungan_sementara"] = "Penampungan sementara / Temporary shelter",
        ["mediasi"] = "Mediasi / Mediation",
        ["pendampingan_korban"] = "Pendampingan korban / Accompaniment",
        ["rehabilitasi_kesehatan"] = "Rehabilitasi kesehatan / Health rehabilitation",
        ["rehabilitasi_sosial"] = "Rehabilitasi sosial / Social rehabilitation",
        ["pemulangan"] = "Pemulangan / Repatriation",
        ["reintegrasi_sosial"] = "Reintegrasi sosial / Social reintegration",
        ["bantuan_hukum"] = "Bantuan hukum / Legal aid",
        ["pertolongan_pertama"] = "Pertolongan pertama / First aid",
        ["case_management.first_response"] = "Respons pertama / First response",
        ["service.service_due"] = "Layanan 7 hari / 7-day service",
        ["criminal_justice.p19_file_return"] = "Pengembalian berkas P-19 / P-19 file return",
        ["restitution.restitution_payment_due"] = "Pembayaran restitusi / Restitution payment",
        ["restitution.restitution_warning_period"] = "Masa teguran restitusi / Restitution warning period",
        ["perpetrator"] = "Pelaku / Perpetrator",
        ["attempt"] = "Percobaan / Attempt",
        ["aiding"] = "Pembantuan / Aiding",
        ["conspiracy"] = "Permufakatan jahat / Conspiracy",
        ["count"] = "Jumlah / Count",
        ["median"] = "Median / Median",
        ["min"] = "Minimum / Minimum",
        ["max"] = "Maksimum / Maximum",
        ["cases"] = "Perkara / Cases",
        ["total_idr"] = "Total (Rp) / Total (IDR)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> HiddenReasons = new Dictionary<string, string>
    {
        ["no_linkage_input"] = "tidak ada daftar korban untuk ditautkan / no victim lists to link",
        ["fewer_than_two_lists"] = "kurang dari dua daftar lembaga / fewer than two agency lists",
        ["too_many_lists"] = "terlalu banyak daftar lembaga / too many agency lists",
        ["fewer_than_k_persons"] = "terlalu sedikit orang (disembunyikan) / too few persons (suppressed)",
        ["suppressed"] = "disembunyikan agar sel kecil terlindungi / suppressed to protect small cells",
        ["no_persons"] = "tidak ada orang / no persons",
        ["lists_do_not_overlap"] = "daftar tidak beririsan / the lists do not overlap",
        ["not_identifiable"] = "perkiraan tidak ada atau tidak teridentifikasi / the estimate does not exist or is not identifiable",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the bilingual label of a hidden-victim figure's status.</summary>
    /// <param name="status"><c>estimated</c> or <c>not_estimated</c>.</param>
    /// <param name="reason">The reason code, or <see langword="null"/>.</param>
    /// <returns>For example <c>Tidak diperkirakan / Not estimated: kurang dari dua daftar lembaga / fewer than two agency
    /// lists</c>.</returns>
    public static string HiddenStatus(string status, string? reason) =>
        status == "estimated"
            ? "Diperkirakan / Estimated"
            : "Tidak diperkirakan / Not estimated: " + (reason is null ? "—" : HiddenReasons.GetValueOrDefault(reason, reason));

    /// <summary>Returns the label of a dimension.</summary>
    /// <param name="dimension">The dimension key, e.g. <c>sex</c>.</param>
    /// <returns>For example <c>Jenis kelamin / Sex</c>; the key itself when unknown.</returns>
    public static string Dimension(string dimension) => Dimensions.GetValueOrDefault(dimension, dimension);

    /// <summary>Returns the label of a code in a dimension.</summary>
    /// <param name="dimension">The dimension key.</param>
    /// <param name="code">The code, e.g. <c>female</c>, <c>53.03.05</c> or <c>4-5</c>.</param>
    /// <returns>For example <c>Perempuan / Female</c>, <c>53.03.05 Kota Kefamenanu</c>, <c>4-5 hari / days</c>; the
    /// code itself when it has no label.</returns>
    public static string Value(string dimension, string code)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(code);
        if (Values.TryGetValue(code, out string? label))
        {
            return label;
        }

        return dimension switch
        {
            "kecamatan" when KecamatanList.NameOf(code) is { } name => $"{code} {name}",
            "delay_days" => $"{code} hari / days",
            "age_group" or "age_broad" => $"{code} tahun / years",
            _ => code,
        };
    }
}
