using NodaTime;
using NodaTime.Testing;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Tests.Workflows;

/// <summary>Shared helpers: a district zone, fixed clocks and histories built along the table.</summary>
internal static class WorkflowFixture
{
    internal static readonly DateTimeZone Wita = DistrictTime.DefaultZone;
    internal static readonly Actor Staff = Actor.Create("staff-001", "uptd_ppa_ttu");

    /// <summary>A clock at a WITA wall-clock time (UTC+8).</summary>
    internal static FakeClock ClockAt(int year, int month, int day, int hour, int minute) =>
        new(new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Wita).ToInstant());

    /// <summary>Shortest path of states from the initial state to <paramref name="target"/> along the table.</summary>
    internal static List<TState>? PathTo<TState, TContext>(WorkflowDefinition<TState, TContext> def, TState target)
        where TState : struct, Enum
        where TContext : class
    {
        var previous = new Dictionary<TState, TState?> { [def.Initial] = null };
        var queue = new Queue<TState>([def.Initial]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            if (EqualityComparer<TState>.Default.Equals(s, target))
            {
                var path = new List<TState>();
                for (TState? at = s; at is not null; at = previous[at.Value])
                {
                    path.Insert(0, at.Value);
                }

                return path;
            }

            foreach (var r in def.RulesFrom(s))
            {
                if (previous.TryAdd(r.To, s))
                {
                    queue.Enqueue(r.To);
                }
            }
        }

        return null;
    }

    /// <summary>A history walking <paramref name="path"/> (first element = initial state), one step every 30 days from 2020-01-01.</summary>
    internal static List<TransitionRecord> History<TState, TContext>(WorkflowDefinition<TState, TContext> def, string subject, IReadOnlyList<TState> path)
        where TState : struct, Enum
        where TContext : class
    {
        var records = new List<TransitionRecord>();
        var date = new LocalDate(2020, 1, 1);
        for (int i = 0; i < path.Count; i++)
        {
            string? from = i == 0 ? null : def.ToCode(path[i - 1]);
            records.Add(new TransitionRecord(def.Code, subject, i + 1, from, def.ToCode(path[i]), Staff.UserId, Staff.Agency,
                date.AtStartOfDayInZone(Wita).ToInstant(), date, "path step"));
            date = date.PlusDays(30);
        }

        return records;
    }
}
