using System.Reflection;
using System.Text.Json;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;

namespace TaskForce.Domain.Tests.Cases;

public class IdentityFieldsTests
{
    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static IEnumerable<(string Path, IdentifyingKind Kind)> Marked(Type type, string prefix)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var mark = p.GetCustomAttribute<IdentifyingAttribute>();
            if (mark is null)
            {
                continue;
            }

            if (p.PropertyType == typeof(PersonIdentity))
            {
                foreach (var inner in Marked(typeof(PersonIdentity), $"{prefix}.{Snake(p.Name)}"))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return ($"{prefix}.{Snake(p.Name)}", mark.Kind);
            }
        }
    }

    [Fact]
    public void All_EqualsTheMembersMarkedIdentifying()
    {
        // UU 21/2007 Pasal 44: the static list adapters use must match the attribute marks exactly.
        var marked = Marked(typeof(Victim), "victims[]").Concat(Marked(typeof(Suspect), "suspects[]")).Concat(Marked(typeof(Witness), "witnesses[]"))
            .OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        var listed = IdentityFields.All.Select(f => (f.Path, f.Kind)).OrderBy(m => m.Path, StringComparer.Ordinal).ToList();

        Assert.Equal(marked, listed);
    }

    [Fact]
    public void InputRecords_MarkTheSameIdentityMembers()
    {
        var input = typeof(NewIdentity).GetProperties().Where(p => p.GetCustomAttribute<IdentifyingAttribute>() is not null).Select(p => p.Name).Order(StringComparer.Ordinal);
        var stored = typeof(PersonIdentity).GetProperties().Where(p => p.GetCustomAttribute<IdentifyingAttribute>() is not null).Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(stored, input);
        Assert.NotNull(typeof(NewVictim).GetProperty(nameof(NewVictim.BirthDate))!.GetCustomAttribute<IdentifyingAttribute>());
    }

    [Theory]
    [InlineData("victims[2].identity.full_name", true)]
    [InlineData("victims[].identity", true)]
    [InlineData("witnesses[0].identity.phone", true)]
    [InlineData("victims[0].birth_date", true)]
    [InlineData("victims[0].age_at_offence", false)]
    [InlineData("victims[0].sex", false)]
    [InlineData("places.origin_kecamatan", false)]
    public void IsIdentifying_ReadsIndexedPaths(string path, bool expected) => Assert.Equal(expected, IdentityFields.IsIdentifying(path));
}
