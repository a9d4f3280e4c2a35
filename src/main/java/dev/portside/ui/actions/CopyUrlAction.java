package dev.portside.ui.actions;

import dev.portside.knowledge.Texts;
import org.kordamp.ikonli.feather.Feather;

/** "Copy URL": http://127.0.0.1:PORT/ of the selected TCP socket. */
final class CopyUrlAction extends UiAction {

    CopyUrlAction(ActionsViewModel model) {
        super(Texts.get("action.button.copyUrl"), Feather.LINK, model.urlDisabledProperty(),
                model.copyUrlTipProperty(), model::copyUrl);
    }
}
