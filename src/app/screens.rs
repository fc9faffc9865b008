//! The app's list of screens: one field and one line in each match per screen, in tab order.

use crate::domain::content::Library;
use crate::kit::{Screen, Tab, Theme};
use crate::screens::{
    cards::Cards, guides::Guides, home::Home, practice::Practice, sheet::SheetScreen,
    stories::Stories,
};

/// Every screen's state, kept while others show.
#[derive(Debug)]
pub(super) struct Screens {
    pub home: Home,
    pub guides: Guides,
    pub cards: Cards,
    pub stories: Stories,
    pub practice: Practice,
    pub sheet: SheetScreen,
}

impl Screens {
    pub fn new(lib: &Library, theme: Theme) -> Screens {
        Screens {
            home: Home::new(),
            guides: Guides::new(lib, theme),
            cards: Cards::new(lib),
            stories: Stories::new(lib, theme),
            practice: Practice::new(),
            sheet: SheetScreen::new(),
        }
    }

    pub fn get(&self, tab: Tab) -> &dyn Screen {
        match tab {
            Tab::Home => &self.home,
            Tab::Guides => &self.guides,
            Tab::Cards => &self.cards,
            Tab::Stories => &self.stories,
            Tab::Practice => &self.practice,
            Tab::Sheet => &self.sheet,
        }
    }

    pub fn get_mut(&mut self, tab: Tab) -> &mut dyn Screen {
        match tab {
            Tab::Home => &mut self.home,
            Tab::Guides => &mut self.guides,
            Tab::Cards => &mut self.cards,
            Tab::Stories => &mut self.stories,
            Tab::Practice => &mut self.practice,
            Tab::Sheet => &mut self.sheet,
        }
    }
}
