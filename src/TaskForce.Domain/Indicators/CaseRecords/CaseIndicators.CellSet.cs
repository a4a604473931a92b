namespace TaskForce.Domain.Indicators;

/// <content>The cells in output order and the suppression problem behind them.</content>
public static partial class CaseIndicators
{
    /// <summary>The cells in output order, the suppression problem behind them, and the rates made from them.</summary>
    private sealed class CellSet
    {
        private readonly List<Entry> _entries = [];
        private readonly List<long> _values = [];

        public SuppressionProblem Problem { get; } = new();

        public int[,,]? Cross { get; set; }

        public int[]? CaseTypeCells { get; set; }

        public long ValueOf(int cell) => _values[cell];

        public int Count(string id, string unit, long value, params (string Key, string Value)[] dims)
        {
            int cell = Hidden(value);
            _entries.Add(new Entry(EntryKind.Count, id, unit, Dims(dims), cell, [], 0, 0, 0, null, value));
            return cell;
        }

        public int Hidden(long value)
        {
            _values.Add(value);
            return Problem.AddCell(value);
        }

        public void Total(int total, IReadOnlyList<int> parts) => Problem.AddTotal(total, parts);

        public void Fixed(string id, string unit, long value, params (string Key, string Value)[] dims) =>
            _entries.Add(new Entry(EntryKind.Fixed, id, unit, Dims(dims), -1, [], 0, 0, 0, null, value));

        public void Rate(string id, int numerator, int[] denominator, decimal scale, int decimals, params (string Key, string Value)[] dims) =>
            _entries.Add(new Entry(EntryKind.Rate, id, "percent", Dims(dims), numerator, denominator, 0, scale, decimals, null, 0));

        public void Rate(string id, int numerator, long constantDenominator, decimal scale, int decimals, PopulationDenominator population, params (string Key, string Value)[] dims) =>
            _entries.Add(new Entry(EntryKind.Rate, id, "per_100000", Dims(dims), numerator, [], constantDenominator, scale, decimals, population, 0));

        public List<IndicatorValue> Emit(IReadOnlyList<CellSuppression> status)
        {
            var result = new List<IndicatorValue>(_entries.Count);
            foreach (var e in _entries)
            {
                switch (e.Kind)
                {
                    case EntryKind.Fixed:
                        result.Add(new IndicatorValue(e.Id, e.Value, e.Unit, false, e.Dims));
                        break;
                    case EntryKind.Count:
                        bool suppressed = status[e.Cell] != CellSuppression.None;
                        result.Add(new IndicatorValue(e.Id, suppressed ? null : _values[e.Cell], e.Unit, suppressed, e.Dims));
                        break;
                    default:
                        long den = e.Denominator.Length > 0 ? e.Denominator.Distinct().Sum(d => _values[d]) : e.ConstantDenominator;
                        if (den == 0)
                        {
                            continue; // undefined, never 0
                        }

                        bool hidden = status[e.Cell] != CellSuppression.None || e.Denominator.Any(d => status[d] != CellSuppression.None);
                        decimal? value = hidden ? null : Math.Round(_values[e.Cell] * e.Scale / den, e.Decimals, MidpointRounding.AwayFromZero);
                        result.Add(new IndicatorValue(e.Id, value, e.Unit, hidden, e.Dims) { Population = e.Population });
                        break;
                }
            }

            return result;
        }

        private static KeyValuePair<string, string>[] Dims((string Key, string Value)[] dims) =>
            [.. dims.Select(d => new KeyValuePair<string, string>(d.Key, d.Value))];

        private enum EntryKind
        {
            Count,
            Rate,
            Fixed,
        }

        private sealed record Entry(
            EntryKind Kind,
            string Id,
            string Unit,
            KeyValuePair<string, string>[] Dims,
            int Cell,
            int[] Denominator,
            long ConstantDenominator,
            decimal Scale,
            int Decimals,
            PopulationDenominator? Population,
            long Value);
    }
}
