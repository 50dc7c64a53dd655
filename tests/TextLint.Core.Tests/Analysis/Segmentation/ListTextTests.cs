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

    [Theory]
    [InlineData("Other speakers included four of the mayor's children; the first lady; Mark and Ann Smith, who drew weapons on protesters at their home; and John Doe, a former student.")]
    [InlineData("At the debate, the candidates received 13 questions on the war in Afghanistan, rank choice voting, debate reform, the surveillance state, space warfare, police reform, education reform, Yemen and gun rights.")]
    public void AShortLeadInBeforeShortItems_IsASeries(string text) =>
        Assert.True(ListText.IsSeries(text, new TextSpan(0, text.Length)));

    [Theory]
    // A route: a lead-in and a few longer legs (33 words in all) among twelve short items (42 words).
    [InlineData("The march set off from the town hall at ten, making its way along Bridge, Mill, Kings, Queens, Water and Market Streets to the railway station, then past the cathedral, through the park to Riverside Drive, down Mill Lane to the ferry, then along the quay to the harbour, through to Dock Road, West End, to Wharf Street, Canal Street to Lock Street and Ship Street, finally along Fore Street, the Strand to the museum.")]
    // Ten short items (31 words) with a lead-in and two clauses (28 words): more than the fixed 25, fewer than the items.
    [InlineData("The prizes at the festival went to the Leeds choir, which sang for the first time in ten years, the Hull band, two Sheffield poets, the York actors, a Durham painter, the Bristol potters, three Bath weavers, the Exeter cellist, the Wells organist, the Truro brass band, the Plymouth dancers, who had travelled all night to reach the hall.")]
    public void ALongSeriesWithLongerParts_IsASeries(string text) =>
        Assert.True(ListText.IsSeries(text, new TextSpan(0, text.Length)));

    [Theory]
    // Eight short items, but more words around them than in them: a long sentence with a list inside.
    [InlineData("After a long debate in which every member of every party spoke at length about the harbour and its future, the council, which had been warned by its own engineers that the old wall would not survive another winter of storms, voted for the wall, the road, the bridge, the park, the school, the pool, the library and the market hall.")]
    // Fewer than eight items: the fixed allowance of 25 words besides them still holds.
    [InlineData("The march set off from the town hall on Castle Street at ten in the morning, making its way along Bridge, Mill, Kings and Queens Streets to the railway station on the far side of the river, then went past the cathedral and the park and back to the hall.")]
    public void AShortListInsideALongSentence_IsNoSeries(string text) =>
        Assert.False(ListText.IsSeries(text, new TextSpan(0, text.Length)));

    [Theory]
    // Clauses set off by commas are long: prose, not a series.
    [InlineData("The committee, which met on Monday in the old town hall for the first time since the floods, said the plan was not ready and sent it back to the planners, who must now rewrite the budget, the timetable and the map before the council votes again in the autumn.")]
    // Too few items after the lead-in.
    [InlineData("He visited Paris, Rome and Berlin, then flew home.")]
    // A lead-in longer than 30 words is a sentence of its own before the items.
    [InlineData("The council, after a long debate in which every member of every party spoke at length about the harbour and its future and the cost of the new wall that will protect the old town from the sea, voted for the wall, the road, the bridge, the park and the school.")]
    // Commas inside brackets or a quotation do not separate items.
    [InlineData("He said \"one, two, three, four, five, six\" and left the room without another word to anyone in the hall.")]
    public void Prose_IsNoSeries(string text) =>
        Assert.False(ListText.IsSeries(text, new TextSpan(0, text.Length)));
}
