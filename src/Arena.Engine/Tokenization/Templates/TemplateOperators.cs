namespace Arena.Engine.Tokenization.Templates;

/// <summary>Python's arithmetic and comparison operators on template values.</summary>
internal static class TemplateOperators
{
    public static object? Binary(int line, string op, object? left, object? right)
    {
        if (op == "~")
        {
            return TemplateValues.ToText(left) + TemplateValues.ToText(right);
        }

        switch (op)
        {
            case "==": return TemplateValues.AreEqual(left, right);
            case "!=": return !TemplateValues.AreEqual(left, right);
            case "<": return TemplateValues.Compare(line, Defined(line, left), Defined(line, right)) < 0;
            case ">": return TemplateValues.Compare(line, Defined(line, left), Defined(line, right)) > 0;
            case "<=": return TemplateValues.Compare(line, Defined(line, left), Defined(line, right)) <= 0;
            case ">=": return TemplateValues.Compare(line, Defined(line, left), Defined(line, right)) >= 0;
            case "in": return TemplateValues.Contains(line, right, left);
            case "not in": return !TemplateValues.Contains(line, right, left);
        }

        left = Defined(line, left);
        right = Defined(line, right);
        return (op, left, right) switch
        {
            ("+", string a, string b) => a + b,
            ("+", List<object?> a, List<object?> b) => a.Concat(b).ToList(),
            ("*", string s, long n) => Repeat(s, n),
            ("*", long n, string s) => Repeat(s, n),
            _ when TemplateValues.IsNumber(left) && TemplateValues.IsNumber(right) => Arithmetic(line, op, left, right),
            _ => throw new TemplateError(line,
                $"unsupported operand types for {op}: {TemplateValues.TypeName(left)} and {TemplateValues.TypeName(right)}"),
        };
    }

    public static object? Unary(int line, string op, object? operand) => op switch
    {
        "not" => !TemplateValues.IsTruthy(operand),
        "-" => Defined(line, operand) switch
        {
            long n => (object)(-n),
            double d => -d,
            bool b => b ? -1L : 0L,
            var other => throw new TemplateError(line, $"bad operand type for unary -: {TemplateValues.TypeName(other)}"),
        },
        _ => TemplateValues.IsNumber(Defined(line, operand)) ? operand
            : throw new TemplateError(line, $"bad operand type for unary +: {TemplateValues.TypeName(operand)}"),
    };

    private static object? Defined(int line, object? value) => value is TemplateUndefined u ? throw u.Error(line) : value;

    private static string Repeat(string s, long n) => n <= 0 ? "" : string.Concat(Enumerable.Repeat(s, (int)n));

    private static object Arithmetic(int line, string op, object? left, object? right)
    {
        if (left is not double && right is not double && op is not "/")
        {
            long a = TemplateValues.ToLong(line, left);
            long b = TemplateValues.ToLong(line, right);
            return op switch
            {
                "+" => (object)(a + b),
                "-" => a - b,
                "*" => a * b,
                "//" => b == 0 ? throw DivisionByZero(line) : FloorDiv(a, b),
                "%" => b == 0 ? throw DivisionByZero(line) : ((a % b) + b) % b,
                "**" => b >= 0 ? (object)(long)Math.Pow(a, b) : Math.Pow(a, b),
                _ => throw new TemplateError(line, $"unsupported operator {op}"),
            };
        }

        double x = TemplateValues.ToDouble(left);
        double y = TemplateValues.ToDouble(right);
        return op switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => y == 0 ? throw DivisionByZero(line) : x / y,
            "//" => y == 0 ? throw DivisionByZero(line) : Math.Floor(x / y),
            "%" => y == 0 ? throw DivisionByZero(line) : x - (y * Math.Floor(x / y)),
            "**" => Math.Pow(x, y),
            _ => throw new TemplateError(line, $"unsupported operator {op}"),
        };
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0) && ((a < 0) ^ (b < 0)) ? 1 : 0);

    private static TemplateError DivisionByZero(int line) => new(line, "division by zero");
}
