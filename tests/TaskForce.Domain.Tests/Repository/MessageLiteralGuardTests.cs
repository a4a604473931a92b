using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Repository;

/// <summary>
/// Guard of ADR-025/ADR-030: a message a person reads comes from the resource set in both languages, never from a
/// string literal at the throw site. Over the source of the HTTP functions, the application use cases (except the
/// folders other areas own: <c>Import</c>, <c>Serialization</c> and the report files), storage and hosting, the
/// message argument of <c>Problems.Create(status, detail, …)</c>, <c>new DomainValidationException(field, message)</c>
/// and the exceptions the API shows as a problem detail (<c>AccessDeniedException</c>,
/// <c>ConcurrencyConflictException</c>, <c>PreconditionRequiredException</c>) must not be a string literal or an
/// interpolated string.
/// </summary>
public sealed class MessageLiteralGuardTests
{
    /// <summary>Each call and the index of its message argument (-1: the last).</summary>
    internal static readonly (string Call, int Argument)[] Calls =
    [
        ("Problems.Create(", 1),
        ("DomainValidationException(", -1),
        ("AccessDeniedException(", 0),
        ("ConcurrencyConflictException(", 0),
        ("PreconditionRequiredException(", 0),
    ];

    private static readonly string[] Folders =
    [
        "src/TaskForce.Functions", "src/TaskForce.Application", "src/TaskForce.Storage", "src/TaskForce.Hosting",
        "src/TaskForce.Cli", "src/TaskForce.Domain", "src/TaskForce.LocalHost",
    ];

    private static readonly string[] Excluded =
    [
    ];

    [Fact]
    public void Sources_PassNoLiteralAsAMessage_GivenTheConvertedFolders()
    {
        var found = new List<string>();
        foreach (string folder in Folders)
        {
            foreach (string file in Directory.EnumerateFiles(RepoData.PathOf(folder.Split('/')), "*.cs", SearchOption.AllDirectories))
            {
                string rel = Path.GetRelativePath(RepoData.Root, file).Replace('\\', '/');
                if (rel.Contains("/obj/", StringComparison.Ordinal) || rel.Contains("/bin/", StringComparison.Ordinal)
                    || Excluded.Any(e => rel.StartsWith(e, StringComparison.Ordinal)))
                {
                    continue;
                }

                found.AddRange(Scan(File.ReadAllText(file)).Select(f => $"{rel}:{f}"));
            }
        }

        Assert.True(found.Count == 0, "Messages given as literals (add them with scripts/text-add.py and use the resource property):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("""throw new DomainValidationException("limit", "The limit must be in [1, 100].");""", 1)]
    [InlineData("""throw new DomainValidationException("k", $"k must be at least 1, not {k}.");""", 1)]
    [InlineData("""throw new DomainValidationException($"The input is longer than {Max} characters.");""", 1)]
    [InlineData("""throw new Domain.Common.DomainValidationException($"rows[{i}]", $"Line {string.Join(", ", a)} has {n} values.");""", 1)]
    [InlineData("""return Problems.Create(StatusCodes.Status404NotFound, $"No case '{id}'.");""", 1)]
    [InlineData("return Problems.Create(StatusCodes.Status409Conflict,\n        \"A case with this id exists.\", IdempotencyKeyHeader);", 1)]
    [InlineData("""throw new AccessDeniedException("Only the coordinator may read the access log.");""", 1)]
    [InlineData("""throw new ConcurrencyConflictException(string.Create(CultureInfo.InvariantCulture, $"Case {id} changed."));""", 1)]
    [InlineData("""throw new DomainValidationException("limit", Texts.Format(CasesAppText.LimitMustBeIn, MaxLimit));""", 0)]
    [InlineData("""throw new DomainValidationException($"rows[{index}]", Texts.Format(EstimationAppText.Line, line, "x, y"));""", 0)]
    [InlineData("""return Problems.Create(StatusCodes.Status413PayloadTooLarge, e.Message, "body");""", 0)]
    [InlineData("""throw new AccessDeniedException(decision.Reason);""", 0)]
    [InlineData("""/// <exception cref="DomainValidationException">The value is "bad".</exception>""", 0)]
    public void Scan_FindsEachLiteralMessage_GivenASample(string source, int expected)
    {
        Assert.Equal(expected, Scan(source).Count);
    }

    /// <summary>Returns <c>line: call</c> for each call whose message argument is a literal.</summary>
    /// <param name="source">C# source text.</param>
    /// <returns>The findings.</returns>
    internal static List<string> Scan(string source)
    {
        var found = new List<string>();
        foreach (var (call, argument) in Calls)
        {
            for (int at = source.IndexOf(call, StringComparison.Ordinal); at >= 0; at = source.IndexOf(call, at + call.Length, StringComparison.Ordinal))
            {
                if (call[0] != 'P' && !IsConstruction(source, at))
                {
                    continue;
                }

                var args = Arguments(source, at + call.Length);
                int index = argument < 0 ? args.Count - 1 : argument;
                if (index >= 0 && index < args.Count && IsLiteral(args[index]))
                {
                    int line = source[..at].Count(c => c == '\n') + 1;
                    found.Add($"{line}: {call}… {args[index].Trim()}");
                }
            }
        }

        return found;
    }

    private static bool IsConstruction(string source, int at)
    {
        int i = at - 1;
        while (i >= 0 && (char.IsLetterOrDigit(source[i]) || source[i] == '.'))
        {
            i--;
        }

        string before = source[(i + 1)..at];
        int j = i;
        while (j >= 0 && char.IsWhiteSpace(source[j]))
        {
            j--;
        }

        return j >= 2 && source[(j - 2)..(j + 1)] == "new" && (before.Length == 0 || before.EndsWith('.'));
    }

    private static bool IsLiteral(string argument)
    {
        string a = argument.Trim();
        const string create = "string.Create(CultureInfo.InvariantCulture,";
        if (a.StartsWith(create, StringComparison.Ordinal))
        {
            a = a[create.Length..].Trim();
        }

        return a.StartsWith('"') || a.StartsWith("$\"", StringComparison.Ordinal) || a.StartsWith("@\"", StringComparison.Ordinal)
            || a.StartsWith("$@\"", StringComparison.Ordinal) || a.StartsWith("@$\"", StringComparison.Ordinal);
    }

    /// <summary>Splits the argument list that starts at <paramref name="start"/> (just after the parenthesis).</summary>
    private static List<string> Arguments(string s, int start)
    {
        var args = new List<string>();
        int depth = 0, from = start;
        for (int i = start; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '"' || c == '\'' || ((c == '$' || c == '@') && i + 1 < s.Length && (s[i + 1] == '"' || s[i + 1] == '$' || s[i + 1] == '@')))
            {
                i = SkipString(s, i) - 1;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    args.Add(s[from..i]);
                    return args.Where(a => a.Trim().Length > 0).ToList();
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                args.Add(s[from..i]);
                from = i + 1;
            }
        }

        return args;
    }

    /// <summary>Returns the index just after the string or character literal starting at <paramref name="i"/>.</summary>
    private static int SkipString(string s, int i)
    {
        bool interpolated = false, verbatim = false;
        while (s[i] is '$' or '@')
        {
            interpolated |= s[i] == '$';
            verbatim |= s[i] == '@';
            i++;
        }

        char quote = s[i++];
        while (i < s.Length)
        {
            char c = s[i];
            if (!verbatim && c == '\\')
            {
                i += 2;
            }
            else if (verbatim && c == '"' && i + 1 < s.Length && s[i + 1] == '"')
            {
                i += 2;
            }
            else if (c == quote)
            {
                return i + 1;
            }
            else if (interpolated && c == '{' && i + 1 < s.Length && s[i + 1] == '{')
            {
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                i = SkipHole(s, i + 1);
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int SkipHole(string s, int i)
    {
        int depth = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '"' || c == '\'' || ((c == '$' || c == '@') && i + 1 < s.Length && s[i + 1] == '"'))
            {
                i = SkipString(s, i);
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    return i + 1;
                }

                depth--;
            }

            i++;
        }

        return i;
    }
}
