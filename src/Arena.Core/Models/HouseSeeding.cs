namespace Arena.Core.Models;

/// <summary>What one run of <see cref="HouseModels.Ensure"/> added: all zero on every start after the first.</summary>
public sealed record HouseSeeding(int AccountsAdded, int ModelsAdded, int AdaptersCopied)
{
    public static readonly HouseSeeding None = new(0, 0, 0);

    public HouseSeeding Plus(HouseSeeding other) =>
        new(AccountsAdded + other.AccountsAdded, ModelsAdded + other.ModelsAdded, AdaptersCopied + other.AdaptersCopied);
}
