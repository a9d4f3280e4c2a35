package dev.portside.ui.actions;

import dev.portside.knowledge.Texts;
import org.kordamp.ikonli.feather.Feather;

/** "Open": the selected TCP socket's URL in the browser. */
final class OpenBrowserAction extends UiAction {

    OpenBrowserAction(ActionsViewModel model) {
        super(Texts.get("action.button.open"), Feather.EXTERNAL_LINK, model.urlDisabledProperty(),
                model.openTipProperty(), model::openInBrowser);
    }
}
