package io.jvq.bench.e2e;

import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;

/** How quotes reach the application: reusable views (zero allocation) or one immutable event each. */
public enum DeliveryPath {
    /** {@link JvqClient.Builder#quoteSink}: a {@link QuoteSink} reading flyweight views. */
    FLYWEIGHT {
        @Override
        void attach(JvqClient.Builder builder, FeedTap tap) {
            builder.quoteSink(new QuoteSink() {
                @Override
                public void onLevel1(Level1View quote) {
                    tap.onLevel1();
                }

                @Override
                public void onTrade(TradeView trade) {
                    tap.onTrade(trade.tradeId(), trade.price(), trade.quantity());
                }

                @Override
                public void onLevel10(Level10View book) {
                }

                @Override
                public void onError(DecodeError error) {
                    tap.onDecodeError(error.toString());
                }
            });
        }
    },
    /** {@link JvqClient.Builder#listener}: a {@link QuoteListener} receiving {@link Level2Trade} records. */
    RECORDS {
        @Override
        void attach(JvqClient.Builder builder, FeedTap tap) {
            builder.listener(new QuoteListener() {
                @Override
                public void onTrade(Level2Trade trade) {
                    tap.onTrade(trade.tradeId(), trade.price(), trade.quantity());
                }

                @Override
                public void onLevel1(Level1Quote quote) {
                    tap.onLevel1();
                }

                @Override
                public void onDecodeError(DecodeError error) {
                    tap.onDecodeError(error.toString());
                }
            });
        }
    };

    abstract void attach(JvqClient.Builder builder, FeedTap tap);
}
