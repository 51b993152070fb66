#ifndef INGEST_READER_H
#define INGEST_READER_H

#include <memory>
#include <string>
#include <utility>

#include "lib/metrics.h"

namespace ingest
{

/* What every reader shares: its name and the metrics it records to.  */
class reader
{
public:
  reader (std::string name, std::shared_ptr<metrics> m)
      : name_ (std::move (name)), metrics_ (std::move (m))
  {
  }
  virtual ~reader () = default;

  virtual void read (const std::string &chunk) = 0;

  const std::string &
  name () const
  {
    return name_;
  }

protected:
  std::string name_;
  std::shared_ptr<metrics> metrics_;
};

/* Lines from a file.  */
class file_reader : public reader
{
public:
  file_reader (std::string path, std::shared_ptr<metrics> m)
      : reader (std::move (path), std::move (m))
  {
  }

  void read (const std::string &chunk) override;
};

/* Raw bytes from a socket.  */
class socket_reader : public reader
{
public:
  socket_reader (int port, std::shared_ptr<metrics> m);

  void read (const std::string &chunk) override;

  int
  port () const
  {
    return port_;
  }

private:
  int port_;
};

} // namespace ingest

#endif
