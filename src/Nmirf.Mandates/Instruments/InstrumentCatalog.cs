namespace Nmirf.Mandates.Instruments;

/// <summary>One of the nine core international human-rights treaties or one of their optional protocols.</summary>
/// <param name="Code">The code used in mandate files and the API, such as <c>CRC-OPAC</c>.</param>
/// <param name="Name">The instrument's title.</param>
/// <param name="Treaty">The core treaty an optional protocol belongs to; null for a core treaty.</param>
/// <param name="Body">The plugin id of the body that monitors the instrument (<c>spt</c> for OPCAT).</param>
public sealed record Instrument(string Code, string Name, string? Treaty, string Body)
{
    public bool IsOptionalProtocol => Treaty is not null;
}

/// <summary>
/// The closed list of instruments a ratification may name: the nine core treaties and their optional protocols
/// (OHCHR, "The Core International Human Rights Instruments and their monitoring bodies").
/// </summary>
public static class InstrumentCatalog
{
    public static IReadOnlyList<Instrument> All { get; } =
    [
        new("ICERD", "International Convention on the Elimination of All Forms of Racial Discrimination", null, "cerd"),
        new("ICESCR", "International Covenant on Economic, Social and Cultural Rights", null, "cescr"),
        new("ICESCR-OP", "Optional Protocol to the International Covenant on Economic, Social and Cultural Rights", "ICESCR", "cescr"),
        new("ICCPR", "International Covenant on Civil and Political Rights", null, "ccpr"),
        new("ICCPR-OP1", "Optional Protocol to the International Covenant on Civil and Political Rights", "ICCPR", "ccpr"),
        new("ICCPR-OP2", "Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty", "ICCPR", "ccpr"),
        new("CEDAW", "Convention on the Elimination of All Forms of Discrimination against Women", null, "cedaw"),
        new("CEDAW-OP", "Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women", "CEDAW", "cedaw"),
        new("CAT", "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment", null, "cat"),
        new("OPCAT", "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment", "CAT", "spt"),
        new("CRC", "Convention on the Rights of the Child", null, "crc"),
        new("CRC-OPAC", "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict", "CRC", "crc"),
        new("CRC-OPSC", "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography", "CRC", "crc"),
        new("CRC-OPIC", "Optional Protocol to the Convention on the Rights of the Child on a communications procedure", "CRC", "crc"),
        new("ICRMW", "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families", null, "cmw"),
        new("CRPD", "Convention on the Rights of Persons with Disabilities", null, "crpd"),
        new("CRPD-OP", "Optional Protocol to the Convention on the Rights of Persons with Disabilities", "CRPD", "crpd"),
        new("ICPPED", "International Convention for the Protection of All Persons from Enforced Disappearance", null, "ced"),
    ];

    private static readonly Dictionary<string, (Instrument Instrument, int Order)> ByCode =
        All.Select((instrument, order) => (instrument, order)).ToDictionary(x => x.instrument.Code, StringComparer.Ordinal);

    /// <summary>The instrument with <paramref name="code"/> (exact, upper case), or null.</summary>
    public static Instrument? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var found) ? found.Instrument : null;

    /// <summary>The catalogue position of <paramref name="code"/>: treaties in the order above, each followed by its protocols.</summary>
    public static int OrderOf(string code) => ByCode.TryGetValue(code, out var found) ? found.Order : int.MaxValue;
}
