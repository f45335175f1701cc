using System.Net.Mail;
using System.Text.RegularExpressions;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Text;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Instruments;

namespace Nmirf.Mandates.Model;

/// <summary>
/// The rules a mandate must keep. Each rule reports into an <see cref="ErrorList"/> under the field's path, so the
/// same rules serve the API (paths into the request body) and mandate files (paths mapped to lines).
/// </summary>
internal static partial class MandateRules
{
    public const int MaxNameLength = 300;

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex InstitutionCode();

    [GeneratedRegex(@"^\+?[0-9][0-9 ().\-/]{4,30}$")]
    private static partial Regex PhoneNumber();

    public static void Country(CountryDto dto, ErrorList errors)
    {
        if (CountryCodes.Problem(dto.Code) is { } problem)
        {
            errors.Add("code", problem);
        }

        if (errors.Required("name", dto.Name))
        {
            errors.MaxLength("name", dto.Name, 200);
        }

        Languages(dto.WorkingLanguages, errors.At("workingLanguages"));
    }

    public static void Mechanism(NationalMechanismDto dto, DateOnly today, ErrorList errors)
    {
        if (errors.Required("name", dto.Name))
        {
            errors.MaxLength("name", dto.Name, MaxNameLength);
        }

        errors.MaxLength("acronym", dto.Acronym, 50);
        if (dto.Type is null)
        {
            errors.Add("type", $"is required: one of {Names.AllOf<MechanismType>()}");
        }

        if (dto.LegalBasis is { } basis)
        {
            var at = errors.At("legalBasis");
            if (basis.Kind is null)
            {
                at.Add("kind", $"is required: one of {Names.AllOf<LegalInstrumentKind>()}");
            }

            at.MaxLength("reference", basis.Reference, 500);
            if (basis.AdoptedOn > today)
            {
                at.Add("adoptedOn", $"{basis.AdoptedOn:yyyy-MM-dd} is in the future");
            }

            Url(basis.Url, at, "url");
        }

        var seen = new HashSet<MechanismCapacity>();
        for (var i = 0; i < dto.Capacities.Count; i++)
        {
            if (!seen.Add(dto.Capacities[i]))
            {
                errors.Add($"capacities[{i}]", $"'{Names.Kebab(dto.Capacities[i])}' is listed twice");
            }
        }
    }

    public static void Institution(InstitutionDto dto, ErrorList errors)
    {
        if (errors.Required("code", dto.Code) && !InstitutionCode().IsMatch(dto.Code!))
        {
            errors.Add("code", $"'{dto.Code}' is not a valid institution code: use 1 to 40 lower-case letters, digits and inner hyphens, such as 'ministry-of-justice'");
        }

        if (errors.Required("name", dto.Name))
        {
            errors.MaxLength("name", dto.Name, MaxNameLength);
        }

        errors.MaxLength("acronym", dto.Acronym, 50);
        if (dto.Kind is null)
        {
            errors.Add("kind", $"is required: one of {Names.AllOf<InstitutionKind>()}");
        }

        if (dto.Role is null)
        {
            errors.Add("role", $"is required: one of {Names.AllOf<MechanismRole>()}");
        }
    }

    /// <summary>The focal point's own fields; whether its institution exists is checked against the mandate.</summary>
    public static void FocalPoint(FocalPointDto dto, ErrorList errors)
    {
        if (errors.Required("name", dto.Name))
        {
            errors.MaxLength("name", dto.Name, 200);
        }

        errors.Required("institution", dto.Institution);
        if (errors.Required("email", dto.Email) && !IsEmail(dto.Email!.Trim()))
        {
            errors.Add("email", $"'{dto.Email}' is not an e-mail address");
        }

        if (!string.IsNullOrWhiteSpace(dto.Phone) && !PhoneNumber().IsMatch(dto.Phone.Trim()))
        {
            errors.Add("phone", $"'{dto.Phone}' is not a telephone number (digits, spaces and + ( ) . - / only)");
        }

        Languages(dto.Languages, errors.At("languages"));
        if (dto.Role is null)
        {
            errors.Add("role", $"is required: one of {Names.AllOf<FocalPointRole>()}");
        }
    }

    public static void Ratification(RatificationDto dto, DateOnly today, ErrorList errors)
    {
        if (errors.Required("instrument", dto.Instrument) && InstrumentCatalog.Find(dto.Instrument) is null)
        {
            errors.Add("instrument", $"'{dto.Instrument}' is not a known instrument; use one of {string.Join(", ", InstrumentCatalog.All.Select(i => i.Code))}");
        }

        if (dto.Action is null)
        {
            errors.Add("action", $"is required: one of {Names.AllOf<RatificationAction>()}");
        }

        if (dto.Date is null)
        {
            errors.Add("date", "is required");
        }
        else if (dto.Date > today)
        {
            errors.Add("date", $"{dto.Date:yyyy-MM-dd} is in the future");
        }

        if (dto.EntryIntoForce is { } inForce)
        {
            if (dto.Action == RatificationAction.Signature)
            {
                errors.Add("entryIntoForce", "a signature alone does not bind the state, so the instrument has no entry into force for it; record the ratification, accession or succession instead");
            }
            else if (dto.Date is { } date && inForce < date)
            {
                errors.Add("entryIntoForce", $"{inForce:yyyy-MM-dd} is before the {Names.Kebab(dto.Action ?? RatificationAction.Ratification)} date {date:yyyy-MM-dd}");
            }
        }

        errors.MaxLength("source", dto.Source, 1000);
    }

    /// <summary>Every rule of a whole mandate: each record's own rules, uniqueness of keys, and references between records.</summary>
    public static IReadOnlyList<Error> Document(MandateDocument document, DateOnly today)
    {
        var errors = new ErrorList();
        if (document.Country is null)
        {
            errors.Add("country", "is required");
        }
        else
        {
            Country(document.Country, errors.At("country"));
        }

        if (document.Mechanism is { } mechanism)
        {
            Mechanism(mechanism, today, errors.At("mechanism"));
        }

        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Institutions.Count; i++)
        {
            var institution = document.Institutions[i];
            var at = errors.At("institutions", i);
            if (institution is null)
            {
                at.Add("", "is empty");
                continue;
            }

            Institution(institution, at);
            if (institution.Code is { } code && !codes.TryAdd(code, i))
            {
                at.Add("code", $"duplicate institution '{code}': institutions[{codes[code]}] has the same code");
            }

            if (institution.Name?.Trim() is { Length: > 0 } name && !names.TryAdd(name, i))
            {
                at.Add("name", $"duplicate institution '{name}': institutions[{names[name]}] has the same name");
            }
        }

        var emails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.FocalPoints.Count; i++)
        {
            var focalPoint = document.FocalPoints[i];
            var at = errors.At("focalPoints", i);
            if (focalPoint is null)
            {
                at.Add("", "is empty");
                continue;
            }

            FocalPoint(focalPoint, at);
            if (!string.IsNullOrWhiteSpace(focalPoint.Institution) && !codes.ContainsKey(focalPoint.Institution))
            {
                at.Add("institution", $"no institution '{focalPoint.Institution}' in this mandate");
            }

            if (focalPoint.Email?.Trim() is { Length: > 0 } email && !emails.TryAdd(email, i))
            {
                at.Add("email", $"duplicate focal point '{email}': focalPoints[{emails[email]}] has the same e-mail address");
            }
        }

        var instruments = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < document.Ratifications.Count; i++)
        {
            var ratification = document.Ratifications[i];
            var at = errors.At("ratifications", i);
            if (ratification is null)
            {
                at.Add("", "is empty");
                continue;
            }

            Ratification(ratification, today, at);
            if (ratification.Instrument is { } instrument && !instruments.TryAdd(instrument, i))
            {
                at.Add("instrument", $"duplicate ratification of '{instrument}': ratifications[{instruments[instrument]}] names the same instrument");
            }
        }

        return errors.Errors;
    }


    private static void Languages(IReadOnlyList<string> languages, ErrorList errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < languages.Count; i++)
        {
            var language = languages[i];
            if (language is null || !LanguageCode().IsMatch(language))
            {
                errors.Add($"[{i}]", $"'{language}' is not an ISO 639 language code (such as 'fr' or 'pt-PT')");
            }
            else if (!seen.Add(language))
            {
                errors.Add($"[{i}]", $"'{language}' is listed twice");
            }
        }
    }

    private static void Url(string? value, ErrorList errors, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add(field, $"'{value}' is not an http or https address");
        }
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
