using PolicyRules.Domain.Imports;

namespace PolicyRules.Tests.Domain.Imports;

public class CountryNamesTests
{
    [Theory]
    [InlineData("Free Trade Agreement between Canada and the Republic of Peru", "CAN PER")]
    [InlineData("Tratado de Libre Comercio entre la República de Chile y la República del Perú", "CHL PER")]
    [InlineData("ACCORD ENTRE LA CONFÉDÉRATION SUISSE ET LA RÉPUBLIQUE DE CÔTE D’IVOIRE", "CHE CIV")]
    [InlineData("Agreement between Papua New Guinea and Guinea", "PNG GIN")]
    [InlineData("Free Trade Agreement between the EFTA States and the Republic of Korea", "ISL LIE NOR CHE KOR")]
    [InlineData("EU – Japan Economic Partnership Agreement", "EU JPN")]
    [InlineData("Tratado de Libre Comercio entre Centroamérica y la República Dominicana", "CRI SLV GTM HND NIC DOM")]
    [InlineData("Free Trade Agreement between the United Mexican States and the Republics of Costa Rica, El Salvador, Guatemala, Honduras and Nicaragua", "MEX CRI SLV GTM HND NIC")]
    [InlineData("Les Parties, ayant eu connaissance du rapport, conviennent de ce qui suit", "")]
    [InlineData("Agreement between the Republic of the Niger and the Federal Republic of Nigeria", "NER NGA")]
    public void Finds_the_parties_a_text_names_in_order_of_mention(string text, string codes) =>
        CountryNames.Default.Find(text).Should().Equal(codes.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Knows_the_development_status_of_a_party()
    {
        CountryNames.Default.StatusOf("CAN").Should().Be("developed");
        CountryNames.Default.StatusOf("PER").Should().Be("developing");
        CountryNames.Default.StatusOf("BGD").Should().Be("ldc");
        CountryNames.Default.StatusOf("ATL").Should().BeNull();
    }
}
