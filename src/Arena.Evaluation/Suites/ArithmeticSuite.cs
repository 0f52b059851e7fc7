using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arena.Evaluation.Suites;

/// <summary>
/// Writes the built-in <c>arithmetic</c> suite: grade-school word problems in GSM8K's line format
/// (<c>{"id", "category", "question", "answer"}</c>, the answer worked step by step and ending in <c>#### N</c>),
/// drawn from a fixed seed. One to three steps, whole numbers, so a reply is right or wrong by its last number.
/// </summary>
public static class ArithmeticSuite
{
    public const int Seed = 20261207;
    public const int Count = 120;

    static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static readonly string[] Names = ["Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Leo", "Mina", "Noah", "Omar", "Priya"];

    static readonly (string Thing, string Container)[] Things =
    [
        ("apples", "baskets"), ("pencils", "boxes"), ("stickers", "sheets"), ("marbles", "jars"), ("cookies", "trays"),
        ("books", "shelves"), ("eggs", "cartons"), ("seeds", "packets"), ("stamps", "albums"), ("cups", "stacks"),
    ];

    delegate (string Question, string Worked, long Answer) Problem(Random r, string name, string thing, string container);

    static readonly (string Category, Problem Make)[] Problems =
    [
        ("one-step", (r, n, t, c) =>
        {
            long a = r.Next(12, 90), b = r.Next(3, 40);
            return ($"{n} has {a} {t}. A friend gives {n} {b} more. How many {t} does {n} have now?", $"{a} + {b} = {a + b}", a + b);
        }),
        ("one-step", (r, n, t, c) =>
        {
            long a = r.Next(40, 200), b = r.Next(5, 39);
            return ($"{n} had {a} {t} and gave away {b}. How many {t} are left?", $"{a} - {b} = {a - b}", a - b);
        }),
        ("two-step", (r, n, t, c) =>
        {
            long k = r.Next(3, 12), each = r.Next(4, 25), extra = r.Next(2, 20);
            return ($"{n} fills {k} {c} with {each} {t} each and has {extra} {t} left over. How many {t} did {n} start with?",
                $"{k} × {each} = {k * each}; {k * each} + {extra} = {k * each + extra}", k * each + extra);
        }),
        ("two-step", (r, n, t, c) =>
        {
            long k = r.Next(2, 9), each = r.Next(6, 30), eaten = r.Next(1, 6 * 2);
            return ($"There are {k} {c} of {t} with {each} in each. {n} uses {eaten} of them. How many {t} remain?",
                $"{k} × {each} = {k * each}; {k * each} - {eaten} = {k * each - eaten}", k * each - eaten);
        }),
        ("division", (r, n, t, c) =>
        {
            long per = r.Next(3, 15), groups = r.Next(2, 12);
            return ($"{n} shares {per * groups} {t} equally among {groups} {c}. How many {t} go in each?",
                $"{per * groups} ÷ {groups} = {per}", per);
        }),
        ("money", (r, n, t, c) =>
        {
            long price = r.Next(2, 15), count = r.Next(2, 10), paid = (price * count / 10 + 1) * 10 + 10 * r.Next(0, 3);
            return ($"{n} buys {count} {t} at {price} dollars each and pays with {paid} dollars. How much change does {n} get, in dollars?",
                $"{count} × {price} = {price * count}; {paid} - {price * count} = {paid - price * count}", paid - price * count);
        }),
        ("three-step", (r, n, t, c) =>
        {
            long a = r.Next(3, 10), each = r.Next(5, 20), more = r.Next(2, 9), gone = r.Next(1, 15);
            var total = a * each + more * each - gone;
            return ($"{n} has {a} {c} with {each} {t} in each, then buys {more} more {c} of the same size and gives away {gone} {t}. How many {t} does {n} have?",
                $"{a} + {more} = {a + more} {c}; {a + more} × {each} = {(a + more) * each}; {(a + more) * each} - {gone} = {total}", total);
        }),
        ("rate", (r, n, t, c) =>
        {
            long perDay = r.Next(3, 20), days = r.Next(2, 14);
            return ($"{n} collects {perDay} {t} every day for {days} days. How many {t} is that in all?",
                $"{perDay} × {days} = {perDay * days}", perDay * days);
        }),
    ];

    /// <summary>The suite's text: <see cref="Count"/> lines, the same for the same seed.</summary>
    public static string Generate(int seed = Seed, int count = Count)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (category, make) = Problems[i % Problems.Length];
            var (thing, container) = Things[random.Next(Things.Length)];
            var (question, worked, answer) = make(random, Names[random.Next(Names.Length)], thing, container);
            lines.Add(new JsonObject
            {
                ["id"] = $"arith-{i + 1:000}",
                ["category"] = category,
                ["question"] = question,
                ["answer"] = $"{worked}\n#### {answer}",
            }.ToJsonString(Compact));
        }
        return string.Join('\n', lines) + "\n";
    }
}
