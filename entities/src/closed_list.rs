//! One way to define a closed list (docs/domain.md §4): a Rust enum that is at
//! once a typed column (sea-orm `DeriveActiveEnum`, stored as its text), a
//! GraphQL enum, and parsable from its text.

/// Defines a closed list: `Name { Variant = "TEXT", … }`. The text is what
/// the column stores and, by async-graphql's default (SCREAMING_SNAKE_CASE of
/// the variant), the GraphQL value. Gives `ALL`, `as_str`, `FromStr` and
/// `Display`. Attributes before the name (e.g. `#[graphql(name = "…")]`) and
/// before each variant (doc comments) are kept.
#[macro_export]
macro_rules! closed_list {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        #[derive(
            Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            sea_orm::EnumIter, sea_orm::DeriveActiveEnum, async_graphql::Enum,
        )]
        #[sea_orm(rs_type = "String", db_type = "Text")]
        $(#[$meta])*
        pub enum $name { $($(#[$vmeta])* #[sea_orm(string_value = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored in the column.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| format!("unknown {} `{s}`", stringify!($name)))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use sea_orm::ActiveEnum;

    closed_list! {
        /// A list for the test.
        Colour {
            Red = "RED",
            /// Documented.
            DarkBlue = "DARK_BLUE",
        }
    }

    #[test]
    fn the_text_is_the_column_value_and_parses_back() {
        assert_eq!(Colour::DarkBlue.as_str(), "DARK_BLUE");
        assert_eq!(Colour::DarkBlue.to_value(), "DARK_BLUE");
        assert_eq!("RED".parse::<Colour>(), Ok(Colour::Red));
        assert!("red".parse::<Colour>().is_err());
        assert_eq!(Colour::ALL.len(), 2);
        assert_eq!(Colour::try_from_value(&"DARK_BLUE".to_owned()).ok(), Some(Colour::DarkBlue));
        assert_eq!(serde_json::from_str::<Colour>("\"DARK_BLUE\"").ok(), Some(Colour::DarkBlue));
        assert!(serde_json::from_str::<Colour>("\"DarkBlue\"").is_err(), "the column's text, not the variant's name");
    }
}
