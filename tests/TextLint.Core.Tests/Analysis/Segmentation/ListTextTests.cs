using TextLint.Documents.Segmentation;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis.Segmentation;

public class ListTextTests
{
    [Theory]
    [InlineData("Fall of wickets: 1-18 (Smith, 5.4 ov), 2-63 (Kallis, 15.4 ov), 3-64 (de Villiers, 16.5 ov), 4-67 (Prince, 19.5 ov), 5-87 (Boucher, 26.4 ov), 6-87 (Kemp, 26.5 ov)")]
    [InlineData("Australia: A C Gilchrist (wkt), M L Hayden, R T Ponting (capt), M J Clarke, A Symonds, M E K Hussey, B J Hodge, G B Hogg")]
    [InlineData("Algoma-Manitoulin: FCP Ajax-Pickering: GRN Beaches-East York: FCP Bramalea-Gore-Malton: GRN, NDP, PC Brant: PC Durham: PC")]
    [InlineData("The victims are: Iver Valencia, 21; Victor Angulo, 20; Leonel Salcedo, 20; Mario Valencia, 19; Alberto Valencia, 18; John Rodallega, 18.")]
    public void ShortItemsWithoutFunctionWords_AreAList(string text) =>
        Assert.True(ListText.IsList(text, new TextSpan(0, text.Length)));

    [Theory]
    // Prose with a list in it: the items are held together by articles, prepositions and verbs.
    [InlineData("At the debate, the candidates received 13 questions on the war in Afghanistan, rank choice voting, debate reform, the surveillance state, space warfare, police reform, education reform, Yemen and gun rights.")]
    [InlineData("South Africa started batting in emphatic fashion, reaching 50 in just 5.4 overs, while England had taken 15.1 overs to reach 50, and de Villiers was lucky not to be out on 21.")]
    // Too short to matter, however it is punctuated.
    [InlineData("Smith, Jones, Brown, Green, White, Black.")]
    public void Prose_IsNoList(string text) =>
        Assert.False(ListText.IsList(text, new TextSpan(0, text.Length)));
}
