using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>
/// Mistral v0.3 read from tokenizer.model alone equals Mistral v0.3 read from its tokenizer.json, which equals
/// Hugging Face (<see cref="HfFixtureEncodingTests"/> checks expected.json through both folders).
/// </summary>
public class TokenizerModelOnlyTests
{
    private static string ModelFile => Path.Combine(HfTokenizerFixtures.Folder(HfTokenizerFixtures.MistralModelOnly), "tokenizer.model");

    private static readonly string[] HardStrings =
    [
        "!!!!!!!!!!!!!", "aaaaaaaaaaaaaaaaaaaaa", "----------", "==========", "..........", "``````", "0000000000",
        "          ", "   leading spaces", "trailing spaces   ", "\t\t\tindented", "a\n\n\n\nb", "\r\n\r\n",
        "def f(x):\n    return x ** 2  # square\n", "for (int i = 0; i < n; i++) { sum += a[i]; }",
        "SELECT * FROM users WHERE id = 42;", "<div class=\"x\">&nbsp;</div>", "$ echo \"$HOME\" | wc -c",
        "😀😀😀", "👨‍👩‍👧 family", "🇫🇷🇩🇪", "𝒜𝒷𝒸", "\u2581 literal marker", "\u2581\u2581", "ꙮ", "\u0000\u0001\u007f",
        "[INST] Hello [/INST]", "[INST]Hello[/INST] Hi</s>", "<s>[INST] x [/INST]", " [INST] spaced", "[TOOL_CALLS] []",
        "<unk>", "<0x41>", "not [INST but close", "Ünïcödé façade naïve", "日本語のテキスト", "Привет, мир!", "مرحبا بالعالم",
    ];

    public static TheoryData<string> Strings()
    {
        var data = new TheoryData<string>();
        foreach (string text in HardStrings.Concat(RandomText.Strings(seed: 20261207, count: 300, maxAtoms: 16)).Distinct())
        {
            data.Add(text);
        }

        return data;
    }

    [Fact]
    public void MergesFromTheScoresEqualTheTokenizerJsonMerges()
    {
        SentencePieceModelFile file = SentencePieceModelFile.Parse(File.ReadAllBytes(ModelFile));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(HfTokenizerFixtures.Folder("mistral-v03"), "tokenizer.json")));
        var published = json.RootElement.GetProperty("model").GetProperty("merges").EnumerateArray()
            .Select(m => m.ValueKind == JsonValueKind.String
                ? (m.GetString()!.Split(' ')[0], m.GetString()!.Split(' ')[1])
                : (m[0].GetString()!, m[1].GetString()!))
            .ToList();

        Assert.Equal(published, SentencePieceMerges.Extract(file.Pieces));
    }

    [Fact]
    public void ReadsMistralsTrainerAndNormalizerSpecs()
    {
        SentencePieceModelFile file = SentencePieceModelFile.Parse(File.ReadAllBytes(ModelFile));
        Assert.Equal(32768, file.Pieces.Count);
        Assert.Equal(SentencePieceModelFile.Bpe, file.ModelType);
        Assert.True(file.ByteFallback);
        Assert.Equal((0, 1, 2, -1), (file.UnkId, file.BosId, file.EosId, file.PadId));
        Assert.True(file.AddDummyPrefix);
        Assert.False(file.RemoveExtraWhitespaces);
        Assert.Equal(new SentencePiece("[INST]", 0f, SentencePieceType.Control), file.Pieces[3]);
        Assert.Equal(256, file.Pieces.Count(p => p.Type == SentencePieceType.Byte));
        Assert.Equal(770, file.Pieces.Count(p => p.Type == SentencePieceType.Control));
    }

    [Fact]
    public void LoadsWithTheSameSpecialsAndVocabularyAsTheTokenizerJson()
    {
        TextTokenizer fromJson = HfTokenizerFixtures.Load("mistral-v03");
        TextTokenizer fromModel = HfTokenizerFixtures.Load(HfTokenizerFixtures.MistralModelOnly);
        Assert.Equal("SentencePiece", fromModel.Kind);
        Assert.Equal(fromJson.VocabSize, fromModel.VocabSize);
        Assert.Equal((fromJson.BosId, fromJson.AddBos, fromJson.PadId), (fromModel.BosId, fromModel.AddBos, fromModel.PadId));
        Assert.Equal(fromJson.EosIds, fromModel.EosIds);
        for (int id = 0; id < fromJson.VocabSize; id++)
        {
            Assert.Equal(fromJson.IdToToken(id), fromModel.IdToToken(id));
            Assert.Equal(fromJson.IsSpecial(id), fromModel.IsSpecial(id));
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void EncodesAndDecodesAsTheTokenizerJson(string text)
    {
        TextTokenizer fromJson = HfTokenizerFixtures.Load("mistral-v03");
        TextTokenizer fromModel = HfTokenizerFixtures.Load(HfTokenizerFixtures.MistralModelOnly);
        int[] ids = fromJson.Encode(text, addBos: true);

        Assert.Equal(ids, fromModel.Encode(text, addBos: true));
        Assert.Equal(fromJson.Decode(ids), fromModel.Decode(ids));
        Assert.Equal(fromJson.Decode(ids, skipSpecial: true), fromModel.Decode(ids, skipSpecial: true));
    }

    [Fact]
    public void TokenizerJsonWinsWhenBothFilesArePresent()
    {
        // A different tokenizer.model beside Mistral's tokenizer.json: what loads is the tokenizer.json.
        using var dir = new TempModelDir();
        foreach (string file in Directory.GetFiles(HfTokenizerFixtures.Folder("mistral-v03")))
        {
            File.Copy(file, dir.File(Path.GetFileName(file)));
        }

        dir.Write("tokenizer.model", SentencePieceModelBuilder.Build());
        TextTokenizer tokenizer = TokenizerLoader.Load(dir.Path);
        Assert.Equal(32768, tokenizer.VocabSize);
        Assert.Equal(HfTokenizerFixtures.Load("mistral-v03").Encode("[INST] hello"), tokenizer.Encode("[INST] hello"));
    }
}
