namespace Arena.Engine.Tests.Tokenization;

/// <summary>A throwaway Hugging Face style model folder for loader tests.</summary>
internal sealed class TempModelDir : IDisposable
{
    public TempModelDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "arena-tok-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public TempModelDir Write(string name, string content)
    {
        System.IO.File.WriteAllText(File(name), content);
        return this;
    }

    public TempModelDir Write(string name, byte[] content)
    {
        System.IO.File.WriteAllBytes(File(name), content);
        return this;
    }

    public TempModelDir CopyTokenizerJson(string fixture)
    {
        System.IO.File.Copy(TokenizerFixtures.TokenizerJson(fixture), File("tokenizer.json"));
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
