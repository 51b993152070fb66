#include "services/checkout_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& CHECKOUTS_TOTAL =
    prometheus::BuildCounter()
        .Name("checkouts_total")
        .Help("Checkouts, by every dimension marketing asked for")
        .Register(shop::metrics::DefaultRegistry());

CheckoutService::CheckoutService() {}

void CheckoutService::Checkout(const std::string& region,
                               const std::string& store) {
  // The campaign name is generated; keep it on one line.
  // clang-format off
  CHECKOUTS_TOTAL
      .Add({{"region", region},
            {"store", store},
            {"channel", "web"},
            {"device", "desktop"},
            {"country", "DE"},
            {"currency", "EUR"},
            {"campaign", "spring-promo0000-promo0001-promo0002-promo0003-promo0004-promo0005-promo0006-promo0007-promo0008-promo0009-promo0010-promo0011-promo0012-promo0013-promo0014-promo0015-promo0016-promo0017-promo0018-promo0019-promo0020-promo0021-promo0022-promo0023-promo0024-promo0025-promo0026-promo0027-promo0028-promo0029-promo0030-promo0031-promo0032-promo0033-promo0034-promo0035-promo0036-promo0037-promo0038-promo0039-promo0040-promo0041-promo0042-promo0043-promo0044-promo0045-promo0046-promo0047-promo0048-promo0049-promo0050-promo0051-promo0052-promo0053-promo0054-promo0055-promo0056-promo0057-promo0058-promo0059-promo0060-promo0061-promo0062-promo0063-promo0064-promo0065-promo0066-promo0067-promo0068-promo0069-promo0070-promo0071-promo0072-promo0073-promo0074-promo0075-promo0076-promo0077-promo0078-promo0079-promo0080-promo0081-promo0082-promo0083-promo0084-promo0085-promo0086-promo0087-promo0088-promo0089-promo0090-promo0091-promo0092-promo0093-promo0094-promo0095-promo0096-promo0097-promo0098-promo0099-promo0100-promo0101-promo0102-promo0103-promo0104-promo0105-promo0106-promo0107-promo0108-promo0109-promo0110-promo0111-promo0112-promo0113-promo0114-promo0115-promo0116-promo0117-promo0118-promo0119-promo0120-promo0121-promo0122-promo0123-promo0124-promo0125-promo0126-promo0127-promo0128-promo0129-promo0130-promo0131-promo0132-promo0133-promo0134-promo0135-promo0136-promo0137-promo0138-promo0139-promo0140-promo0141-promo0142-promo0143-promo0144-promo0145-promo0146-promo0147-promo0148-promo0149-promo0150-promo0151-promo0152-promo0153-promo0154-promo0155-promo0156-promo0157-promo0158-promo0159-promo0160-promo0161-promo0162-promo0163-promo0164-promo0165-promo0166-promo0167-promo0168-promo0169-promo0170-promo0171-promo0172-promo0173-promo0174-promo0175-promo0176-promo0177-promo0178-promo0179-promo0180-promo0181-promo0182-promo0183-promo0184-promo0185-promo0186-promo0187-promo0188-promo0189-promo0190-promo0191-promo0192-promo0193-promo0194-promo0195-promo0196-promo0197-promo0198-promo0199-promo0200-promo0201-promo0202-promo0203-promo0204-promo0205-promo0206-promo0207-promo0208-promo0209-promo0210-promo0211-promo0212-promo0213-promo0214-promo0215-promo0216-promo0217-promo0218-promo0219-promo0220-promo0221-promo0222-promo0223-promo0224-promo0225-promo0226-promo0227-promo0228-promo0229-promo0230-promo0231-promo0232-promo0233-promo0234-promo0235-promo0236-promo0237-promo0238-promo0239"},
            {"variant", "B"},
            {"cohort", "returning"},
            {"tier", "gold"}})
      .Increment();
  // clang-format on
}

}  // namespace shop
