//! Prints ranked candidates for a name: `geocode NAME [--country CC]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let country = args.iter().position(|a| a == "--country").and_then(|i| args.get(i + 1));
    let name: Vec<&str> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| *a != "--country" && (*i == 0 || args[*i - 1] != "--country"))
        .map(|(_, a)| a.as_str())
        .collect();
    for c in sitrep_gazetteer::geocode(&name.join(" "), country.map(String::as_str)).iter().take(10)
    {
        println!(
            "{:.3}\t{}\t{:?}\t{}\t{:?}\t{:?}\t{:?},{:?}\tpop {}",
            c.score,
            c.name,
            c.geonameid,
            c.feature,
            c.country,
            c.admin1,
            c.lat,
            c.lon,
            c.population
        );
    }
}
